// Development and Plus sandbox stores (R24, R25) and reports of partners (R30).
// The class also holds PartnerReport's field resolvers: type-graphql builds only the resolver
// classes the schema lists, and this is the one registered for these operations.
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context";
import { closePartnerReport, partnerReportsQuery, reportPartner } from "../../domain/partners/partner-report.service";
import { removeManagedStoreAccess } from "../../domain/partners/managed-store.service";
import {
  createPartnerStore,
  setPartnerStoreArchived,
  transferPartnerStore,
} from "../../domain/partners/partner-store.service";
import { PartnerReport } from "../../domain/partners/partner-report.entity";
import { paginate } from "../connection";
import { idOf } from "../ids";
import { PartnerOrganizationObject } from "../types/partner";
import {
  PartnerManagedStoreRemovePayload,
  PartnerOrganizationReportInput,
  PartnerOrganizationReportPayload,
  PartnerReportClosePayload,
  PartnerReportConnection,
  PartnerReportsArgs,
  PartnerReportStatusEnum,
  PartnerReportObject,
  PartnerStoreArchivePayload,
  PartnerStoreCreateInput,
  PartnerStoreCreatePayload,
  PartnerStoreTransferPayload,
  PartnerStoreUnarchivePayload,
} from "../types/partner-store";
import { StoreObject } from "../types/store";
import { UserObject } from "../types/user";
import { payload } from "../types/user-error";

@Resolver(() => PartnerReportObject)
export class PartnerStoreResolver {
  // ---- R25, managed stores: the partner organization removes its own access ----

  @Mutation(() => PartnerManagedStoreRemovePayload, {
    nullable: true,
    description:
      "R25: a partner organization removes its access to a client store: its members' collaborator accounts there end and pending requests are withdrawn. Needs MANAGED access with ADD_REMOVE.",
  })
  async partnerManagedStoreRemove(
    @Arg("partnerOrganizationId", () => ID) partnerOrganizationId: string,
    @Arg("storeId", () => ID) storeId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const [pid, sid] = [idOf(partnerOrganizationId, "PartnerOrganization"), idOf(storeId, "Store")];
    ctx.requireViewer();
    const result = await payload("done", () => removeManagedStoreAccess(ctx, pid, sid));
    return {
      removedStoreId: result.done ? storeId : null,
      endedCount: result.done?.endedCount ?? null,
      userErrors: result.userErrors,
    };
  }

  // ---- R24, R25: a partner organization's own stores (listed by PartnerOrganization.stores) ----

  @Mutation(() => PartnerStoreCreatePayload, {
    nullable: true,
    description: "R24, R25: a development or Plus sandbox store of the viewer's partner organization.",
  })
  partnerStoreCreate(
    @Arg("input", () => PartnerStoreCreateInput) input: PartnerStoreCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    const partnerOrganizationId = idOf(input.partnerOrganizationId, "PartnerOrganization");
    ctx.requireViewer();
    return payload("store", () => createPartnerStore(ctx, { ...input, partnerOrganizationId }));
  }

  @Mutation(() => PartnerStoreArchivePayload, {
    nullable: true,
    description: "R25: archive a development or Plus sandbox store.",
  })
  partnerStoreArchive(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    const storeId = idOf(id, "Store");
    ctx.requireViewer();
    return payload("store", () => setPartnerStoreArchived(ctx, storeId, true));
  }

  @Mutation(() => PartnerStoreUnarchivePayload, {
    nullable: true,
    description: "R25: unarchive a development or Plus sandbox store.",
  })
  partnerStoreUnarchive(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    const storeId = idOf(id, "Store");
    ctx.requireViewer();
    return payload("store", () => setPartnerStoreArchived(ctx, storeId, false));
  }

  @Mutation(() => PartnerStoreTransferPayload, {
    nullable: true,
    description: "R25: a development store goes to a merchant, who becomes its owner; it becomes a managed store.",
  })
  partnerStoreTransfer(
    @Arg("id", () => ID) id: string,
    @Arg("merchantEmail", () => String) merchantEmail: string,
    @Ctx() ctx: RequestContext,
  ) {
    const storeId = idOf(id, "Store");
    ctx.requireViewer();
    return payload("store", () => transferPartnerStore(ctx, storeId, merchantEmail));
  }

  // ---- R30: reports of partners ---------------------------------------------------------------

  @Mutation(() => PartnerOrganizationReportPayload, {
    nullable: true,
    description: "R30: those of R9 report a partner organization that asked for access to their store.",
  })
  partnerOrganizationReport(
    @Arg("input", () => PartnerOrganizationReportInput) input: PartnerOrganizationReportInput,
    @Ctx() ctx: RequestContext,
  ) {
    const [storeId, partnerOrganizationId] = [
      idOf(input.storeId, "Store"),
      idOf(input.partnerOrganizationId, "PartnerOrganization"),
    ];
    ctx.requireViewer();
    return payload("report", () => reportPartner(ctx, { storeId, partnerOrganizationId, reason: input.reason }));
  }

  @Query(() => PartnerReportConnection, {
    description: "R30: reports of partners, oldest first; platform support only.",
  })
  partnerReports(@Args(() => PartnerReportsArgs) args: PartnerReportsArgs, @Ctx() ctx: RequestContext) {
    return paginate(partnerReportsQuery(ctx, args.status), "r", args);
  }

  @Mutation(() => PartnerReportClosePayload, {
    nullable: true,
    description: "R30: platform support closes a report with its resolution.",
  })
  partnerReportClose(
    @Arg("id", () => ID) id: string,
    @Arg("resolution", () => String) resolution: string,
    @Ctx() ctx: RequestContext,
  ) {
    const reportId = idOf(id, "PartnerReport");
    ctx.requireViewer();
    return payload("report", () => closePartnerReport(ctx, reportId, resolution));
  }

  // ---- PartnerReport fields -------------------------------------------------------------------

  @FieldResolver(() => PartnerReportStatusEnum)
  status(@Root() report: PartnerReport) {
    return report.closedAt ? "CLOSED" : "OPEN";
  }

  @FieldResolver(() => PartnerOrganizationObject)
  partnerOrganization(@Root() report: PartnerReport, @Ctx() ctx: RequestContext) {
    return ctx.loaders.partnerOrganization.load(report.partnerOrganizationId);
  }

  @FieldResolver(() => StoreObject)
  store(@Root() report: PartnerReport, @Ctx() ctx: RequestContext) {
    return ctx.loaders.store.load(report.storeId);
  }

  @FieldResolver(() => UserObject)
  reporter(@Root() report: PartnerReport, @Ctx() ctx: RequestContext) {
    return ctx.loaders.user.load(report.reporterId);
  }

  @FieldResolver(() => UserObject, {
    nullable: true,
    description: "The platform support member who closed the report.",
  })
  closedBy(@Root() report: PartnerReport, @Ctx() ctx: RequestContext) {
    return report.closedById ? ctx.loaders.user.load(report.closedById) : null;
  }
}

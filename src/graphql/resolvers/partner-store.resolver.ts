// Development and Plus sandbox stores (R24, R25) and reports of partners (R30).
// The class also holds PartnerReport's field resolvers: type-graphql builds only the resolver
// classes the schema lists, and this is the one registered for these operations.
import { Authorized, Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import * as gate from "../../authz/gate";
import type { RequestContext } from "../context";
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

@Authorized()
@Resolver(() => PartnerReportObject)
export class PartnerStoreResolver {
  // ---- R25, managed stores: the partner organization removes its own access ----

  @Mutation(() => PartnerManagedStoreRemovePayload, {
    nullable: true,
    description:
      "R25: a partner organization removes its access to a client store: its members' collaborator accounts there end (REMOVED), pending requests are withdrawn, the store leaves SPECIFIC lists, and the store is notified. For members with MANAGED access to the store and the ADD_REMOVE action; anyone else who sees the organization gets ACCESS_DENIED, before anything is said of its stores. userErrors: NOT_FOUND (a partner organization the viewer cannot see, as a missing one), STORE_NOT_IN_ORGANIZATION.",
  })
  async partnerManagedStoreRemove(
    @Arg("partnerOrganizationId", () => ID, { description: "The viewer's partner organization." })
    partnerOrganizationId: string,
    @Arg("storeId", () => ID, {
      description: "A managed store where the organization has a request or a collaborator account.",
    })
    storeId: string,
    @Ctx() ctx: RequestContext,
  ) {
    const [pid, sid] = [idOf(partnerOrganizationId, "PartnerOrganization"), idOf(storeId, "Store")];
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
    description:
      "R24, R25: creates a development or Plus sandbox store of the viewer's partner organization, with the viewer as its owner; a staff member with SPECIFIC access gains it. Needs the ADD_ARCHIVE_UNARCHIVE action for the type (ACCESS_DENIED otherwise). userErrors: NOT_FOUND, STORE_TYPE_MISMATCH (MANAGED), PLUS_ONLY, INVALID, TAKEN.",
  })
  partnerStoreCreate(
    @Arg("input", () => PartnerStoreCreateInput, { description: "The store to create." })
    input: PartnerStoreCreateInput,
    @Ctx() ctx: RequestContext,
  ) {
    const partnerOrganizationId = idOf(input.partnerOrganizationId, "PartnerOrganization");
    return payload("store", () => createPartnerStore(ctx, { ...input, partnerOrganizationId }));
  }

  @Mutation(() => PartnerStoreArchivePayload, {
    nullable: true,
    description:
      "R25: archives a development or Plus sandbox store of the viewer's partner organization; while archived, members only see it. Needs the ADD_ARCHIVE_UNARCHIVE action and access to the store (ACCESS_DENIED otherwise). userErrors: NOT_FOUND, STORE_TYPE_MISMATCH, ARCHIVED.",
  })
  partnerStoreArchive(@Arg("id", () => ID, { description: "The store." }) id: string, @Ctx() ctx: RequestContext) {
    const storeId = idOf(id, "Store");
    return payload("store", () => setPartnerStoreArchived(ctx, storeId, true));
  }

  @Mutation(() => PartnerStoreUnarchivePayload, {
    nullable: true,
    description:
      "R25: unarchives a development or Plus sandbox store. Needs the ADD_ARCHIVE_UNARCHIVE action and access to the store (ACCESS_DENIED otherwise). userErrors: NOT_FOUND, STORE_TYPE_MISMATCH, NOT_ARCHIVED.",
  })
  partnerStoreUnarchive(@Arg("id", () => ID, { description: "The store." }) id: string, @Ctx() ctx: RequestContext) {
    const storeId = idOf(id, "Store");
    return payload("store", () => setPartnerStoreArchived(ctx, storeId, false));
  }

  @Mutation(() => PartnerStoreTransferPayload, {
    nullable: true,
    description:
      "R25: a development store goes to a merchant, who becomes its owner and is emailed; it becomes a managed store and the partner side's staff accounts there end: the partner keeps no access, and the payload shows them the store's id, name, domain and type only (ACCESS_DENIED on its other fields). Needs the TRANSFER action and access to the store (ACCESS_DENIED otherwise). userErrors: NOT_FOUND, STORE_TYPE_MISMATCH, ARCHIVED, OWNERSHIP_TO_COLLABORATOR (R13).",
  })
  partnerStoreTransfer(
    @Arg("id", () => ID, { description: "The development store." }) id: string,
    @Arg("merchantEmail", () => String, {
      description: "The email of an existing user outside the partner organization (NOT_FOUND otherwise).",
    })
    merchantEmail: string,
    @Ctx() ctx: RequestContext,
  ) {
    const storeId = idOf(id, "Store");
    return payload("store", () => transferPartnerStore(ctx, storeId, merchantEmail));
  }

  // ---- R30: reports of partners ---------------------------------------------------------------

  @Mutation(() => PartnerOrganizationReportPayload, {
    nullable: true,
    description:
      "R30: those who manage a store's collaborators (R9) report to platform support a partner organization that asked for access to the store. Others: ACCESS_DENIED. userErrors: NOT_FOUND (a store the viewer cannot see, or an organization that never asked for access to it), INVALID (reason length).",
  })
  partnerOrganizationReport(
    @Arg("input", () => PartnerOrganizationReportInput, { description: "The store, the organization and the reason." })
    input: PartnerOrganizationReportInput,
    @Ctx() ctx: RequestContext,
  ) {
    const [storeId, partnerOrganizationId] = [
      idOf(input.storeId, "Store"),
      idOf(input.partnerOrganizationId, "PartnerOrganization"),
    ];
    return payload("report", async () =>
      gate.one(
        ctx,
        "PartnerReport",
        await reportPartner(ctx, { storeId, partnerOrganizationId, reason: input.reason }),
      ),
    );
  }

  @Query(() => PartnerReportConnection, {
    description: "R30: reports of partners, oldest first; platform support only (ACCESS_DENIED for anyone else).",
  })
  async partnerReports(@Args(() => PartnerReportsArgs) args: PartnerReportsArgs, @Ctx() ctx: RequestContext) {
    return paginate(await partnerReportsQuery(ctx, args.status), "r", args);
  }

  @Mutation(() => PartnerReportClosePayload, {
    nullable: true,
    description:
      "R30: platform support closes a report with its resolution; the reporter is emailed. ACCESS_DENIED for anyone else. userErrors: NOT_FOUND, REPORT_CLOSED, INVALID (resolution length).",
  })
  partnerReportClose(
    @Arg("id", () => ID, { description: "The report (a PartnerReport id)." }) id: string,
    @Arg("resolution", () => String, { description: "The answer, 1 to 2,000 characters." }) resolution: string,
    @Ctx() ctx: RequestContext,
  ) {
    const reportId = idOf(id, "PartnerReport");
    return payload("report", () => closePartnerReport(ctx, reportId, resolution));
  }

  // ---- PartnerReport fields -------------------------------------------------------------------

  @FieldResolver(() => PartnerReportStatusEnum, { description: "OPEN until closed." })
  status(@Root() report: PartnerReport) {
    return report.closedAt ? "CLOSED" : "OPEN";
  }

  @FieldResolver(() => PartnerOrganizationObject, { description: "The partner organization reported." })
  partnerOrganization(@Root() report: PartnerReport, @Ctx() ctx: RequestContext) {
    return ctx.loaders.partnerOrganization.load(report.partnerOrganizationId);
  }

  @FieldResolver(() => StoreObject, { description: "The store the report was made from." })
  store(@Root() report: PartnerReport, @Ctx() ctx: RequestContext) {
    return ctx.loaders.store.load(report.storeId);
  }

  @FieldResolver(() => UserObject, { description: "The merchant user who reported." })
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

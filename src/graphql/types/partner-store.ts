// A partner organization's own stores (R24, R25) and reports of partners (R30): inputs, payloads,
// the PartnerReport type and the connections.
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import type { StoreType } from "../../domain/stores/store.entity";
import type { PartnerReportStatus } from "../../domain/partners/partner-report.service";
import { Connection, PageArgs } from "../connection";
import { StoreTypeEnum } from "./enums";
import { Node } from "./node";
import { StoreObject } from "./store";
import { Payload } from "./payload-factory";
import { UserError } from "./user-error";

export const PartnerReportStatusEnum = { OPEN: "OPEN", CLOSED: "CLOSED" } as const;
registerEnumType(PartnerReportStatusEnum, {
  name: "PartnerReportStatus",
  description: "R30: a report is OPEN until platform support closes it.",
  valuesConfig: {
    OPEN: { description: "Waiting for platform support." },
    CLOSED: { description: "Closed by platform support, with a resolution." },
  },
});

@ObjectType("PartnerReport", {
  simpleResolvers: true,
  implements: Node,
  description:
    "R30: a merchant's report of a partner organization to platform support. Platform support lists them (partnerReports); the reporter gets theirs back from partnerOrganizationReport.",
})
export class PartnerReportObject extends Node {
  @Field(() => String, { description: "Why the merchant reported the organization (10 to 2,000 characters)." })
  reason: string;
  @Field(() => Date, { description: "When the report was made." }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: "When platform support closed it; null while OPEN." })
  closedAt: Date | null;
  @Field(() => String, { nullable: true, description: "Platform support's answer when closing." }) resolution:
    string | null;
}

export const PartnerReportConnection = Connection("PartnerReport", () => PartnerReportObject);
/** Stores of a partner organization, as its members reach them (R24). */
export const PartnerStoreConnection = Connection("PartnerStore", () => StoreObject);

@InputType({ description: "A new development or Plus sandbox store of a partner organization (R24, R25)." })
export class PartnerStoreCreateInput {
  @Field(() => ID, { description: "A partner organization the viewer is an active member of." })
  partnerOrganizationId: string;
  @Field(() => StoreTypeEnum, { description: "DEVELOPMENT, or PLUS_SANDBOX in a Plus partner organization (R24)." })
  storeType: StoreType;
  @Field(() => String, { description: "1 to 200 characters (trimmed)." }) name: string;
  @Field(() => String, {
    description: "A host name such as dev-shop.example.com, unused by any other store (TAKEN); stored lower-cased.",
  })
  domain: string;
}

@InputType({ description: "R30: a report of a partner organization to platform support." })
export class PartnerOrganizationReportInput {
  @Field(() => ID, { description: "A store whose collaborators the viewer manages (R9)." }) storeId: string;
  @Field(() => ID, { description: "A partner organization that has or had a request or account on the store." })
  partnerOrganizationId: string;
  @Field(() => String, { description: "10 to 2,000 characters." }) reason: string;
}

@ArgsType()
export class PartnerReportsArgs extends PageArgs {
  @Field(() => PartnerReportStatusEnum, {
    nullable: true,
    description: "Only reports in this status; all when left out.",
  })
  status?: PartnerReportStatus | null;
}

export const PartnerStoreCreatePayload = Payload("partnerStoreCreate", "store", () => StoreObject);

export const PartnerStoreArchivePayload = Payload("partnerStoreArchive", "store", () => StoreObject);

export const PartnerStoreUnarchivePayload = Payload("partnerStoreUnarchive", "store", () => StoreObject);

export const PartnerStoreTransferPayload = Payload("partnerStoreTransfer", "store", () => StoreObject);

export const PartnerOrganizationReportPayload = Payload(
  "partnerOrganizationReport",
  "report",
  () => PartnerReportObject,
);

export const PartnerReportClosePayload = Payload("partnerReportClose", "report", () => PartnerReportObject);

@ObjectType({
  simpleResolvers: true,
  description: "The payload of `partnerManagedStoreRemove`: the store left behind and how many accounts ended.",
})
export class PartnerManagedStoreRemovePayload {
  @Field(() => ID, {
    nullable: true,
    description: "The store the organization no longer reaches; null when it failed.",
  })
  removedStoreId: string | null;
  @Field(() => Int, { nullable: true, description: "Collaborator accounts and requests that ended." }) endedCount:
    number | null;
  @Field(() => [UserError], {
    description: "Why nothing changed (NOT_FOUND, STORE_NOT_IN_ORGANIZATION); empty when it succeeded.",
  })
  userErrors: UserError[];
}

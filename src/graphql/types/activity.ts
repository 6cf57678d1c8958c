import { Field, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { Connection } from "../connection";
import { NotificationChannelEnum } from "./enums";
import { Node } from "./node";

@ObjectType("AuditEvent", {
  implements: Node,
  simpleResolvers: true,
  description:
    "An append-only record of a change, read through the audit logs of a store, an organization, a partner organization or the viewer; names are as they were then (R16).",
})
export class AuditEventObject extends Node {
  @Field(() => String, {
    description: "What happened, as <subject>.<verb>, e.g. collaborator.requested, role.updated, user.signed_in.",
  })
  action: string;
  @Field(() => String, {
    description: "The name of whoever made the change, as it was then; system for the service's own changes (expiry).",
  })
  actorName: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The name of what was changed (a collaborator's user, a role, a store), as it was then; null for none.",
  })
  targetName: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The type of what was changed: Collaborator, Role, Store, User, PartnerOrganization...; null for none.",
  })
  targetType: string | null;
  @Field(() => Date, { description: "When the change was made." }) createdAt: Date;
  @Field(() => GraphQLJSON, { description: "Before and after, roles, permissions: what the change was." })
  details: unknown;
  @Field(() => String, { description: "SHA-256 of this event and the one before it (auditLogVerify)." }) hash: string;
}

@ObjectType("Notification", {
  implements: Node,
  simpleResolvers: true,
  description:
    "An outbox entry (R5): an email or a notice on the store's home, recorded with the change that caused it. Read through `notifications`, by those who manage the store's collaborators (R9).",
})
export class NotificationObject extends Node {
  @Field(() => NotificationChannelEnum, {
    description: "EMAIL, sent to an address, or HOME, a notice on the store's home.",
  })
  channel: string;
  @Field(() => String, {
    description: "What it is about, e.g. collaborator_request, collaborator_accepted, collaborator_rejected.",
  })
  kind: string;
  @Field(() => String, { description: "An email address, or store:<domain> for the store's home." }) recipient: string;
  @Field(() => String, { description: "The subject line (of the email, or the notice's title)." }) subject: string;
  @Field(() => String, { description: "The text, plain." }) body: string;
  @Field(() => Date, { description: "When it was written to the outbox." }) createdAt: Date;
  @Field(() => Date, {
    nullable: true,
    description: "When the email was handed to the mail server; null while it waits in the outbox (and for notices).",
  })
  deliveredAt: Date | null;
}

export const AuditEventConnection = Connection("AuditEvent", () => AuditEventObject);
export const NotificationConnection = Connection("Notification", () => NotificationObject);

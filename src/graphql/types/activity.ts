import { Field, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { Connection } from "../connection";
import { NotificationChannelEnum } from "./enums";
import { Node } from "./node";

@ObjectType("AuditEvent", {
  implements: Node,
  simpleResolvers: true,
  description: "An append-only record of a change; names are as they were then (R16).",
})
export class AuditEventObject extends Node {
  @Field(() => String) action: string;
  @Field(() => String) actorName: string;
  @Field(() => String, { nullable: true }) targetName: string | null;
  @Field(() => String, { nullable: true }) targetType: string | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => GraphQLJSON, { description: "Before and after, roles, permissions: what the change was." })
  details: unknown;
  @Field(() => String, { description: "SHA-256 of this event and the one before it (auditLogVerify)." }) hash: string;
}

@ObjectType("Notification", {
  implements: Node,
  simpleResolvers: true,
  description: "An outbox entry (R5): an email or a notice on the store's home.",
})
export class NotificationObject extends Node {
  @Field(() => NotificationChannelEnum) channel: string;
  @Field(() => String) kind: string;
  @Field(() => String, { description: "An email address, or store:<domain> for the store's home." }) recipient: string;
  @Field(() => String) subject: string;
  @Field(() => String) body: string;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, {
    nullable: true,
    description: "When the email was handed to the mail server; null while it waits in the outbox (and for notices).",
  })
  deliveredAt: Date | null;
}

export const AuditEventConnection = Connection("AuditEvent", () => AuditEventObject);
export const NotificationConnection = Connection("Notification", () => NotificationObject);

// Global ids: gid://latchkey/<Type>/<n>.
import { badInput } from "../domain/errors";
import { msg } from "../i18n";

export const NODE_TYPES = [
  "User",
  "Store",
  "Organization",
  "Role",
  "Collaborator",
  "StoreUser",
  "PartnerOrganization",
  "PartnerMember",
  "AuditEvent",
  "Notification",
  "PartnerReport",
] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

export const toGlobalId = (type: NodeTypeName, id: number) => `gid://latchkey/${type}/${id}`;

/** Rows are numbered by 32-bit serials on both databases: a larger number can name no row (and PostgreSQL refuses it). */
const MAX_ROW_ID = 2_147_483_647;

export function parseGlobalId(gid: string): { type: NodeTypeName; id: number } | null {
  const m = /^gid:\/\/latchkey\/([A-Za-z]+)\/([1-9][0-9]{0,9})$/.exec(gid);
  if (!m || !(NODE_TYPES as readonly string[]).includes(m[1]) || Number(m[2]) > MAX_ROW_ID) return null;
  return { type: m[1] as NodeTypeName, id: Number(m[2]) };
}

/** The numeric id of a global id of one of the given types; a malformed id is BAD_USER_INPUT. */
export function idOf(gid: string, ...types: NodeTypeName[]): number {
  const parsed = parseGlobalId(gid);
  if (!parsed || !types.includes(parsed.type))
    throw badInput(msg("error.notAnId", { types: types.join(" or "), id: JSON.stringify(gid) }));
  return parsed.id;
}

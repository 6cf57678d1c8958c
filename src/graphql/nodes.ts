// node(id): every type is read through the gate (src/authz/gate.ts), as its own query reads it.
import type { RequestContext } from "./context";
import { find, NOT_BY_ID, type GatedType } from "../authz/gate";
import { badInput } from "../domain/errors";
import { NODE_TYPES, parseGlobalId } from "./ids";
import { nodeTypeOf } from "./types/node";
import { msg } from "../i18n";

/** Node types read by id through the gate; the others (AuditEvent, Notification) only through their lists. */
const BY_ID: readonly string[] = NODE_TYPES.filter((t) => !(NOT_BY_ID as readonly string[]).includes(t));

export async function resolveNode(ctx: RequestContext, gid: string): Promise<object | null> {
  const parsed = parseGlobalId(gid);
  if (!parsed) throw badInput(msg("error.notAGlobalId", { id: JSON.stringify(gid) }));
  ctx.requireViewer();
  const found = BY_ID.includes(parsed.type) ? await find(ctx, parsed.type as GatedType, parsed.id) : null;
  if (!found) return null;
  // One row can be two types (Collaborator, StoreUser): hand GraphQL a view that knows which.
  const view = Object.create(found) as object;
  nodeTypeOf.set(view, parsed.type);
  return view;
}

// explainAccess: whether a user holds a permission in a store, and why, read from the same ability
// that decides their requests.
import type { RequestContext } from "../context";
import * as gate from "./gate";
import { badInput, notFound } from "../domain/errors";
import { permissionInfo } from "../domain/roles/permissions";
import { explain, Explanation, permission } from "./store-ability";

/** Allowed for the user themself and for those who manage the store's collaborators (R9). */
export async function explainAccess(
  ctx: RequestContext,
  userId: number,
  storeId: number,
  handle: string,
): Promise<Explanation> {
  const viewer = ctx.requireViewer().user;
  // The gate: a store one may not see is NOT_FOUND; one seen but not audited (R9), ACCESS_DENIED,
  // before the user is looked up (a user one may not audit reads as missing).
  const store = await gate.need(ctx, "Store", storeId, userId === viewer.id ? "read" : "manageCollaborators");
  const user = await ctx.loaders.user.load(userId);
  if (!user) throw notFound("store or user");
  const info = permissionInfo(handle);
  if (!info || info.scope !== "STORE") throw badInput(`Unknown store permission "${handle}".`);
  const { ability, standing } = await ctx.access(store, user);
  const explanation = explain(ability, "use", permission(handle));
  if (
    !explanation.allowed &&
    standing.account?.userType === "COLLABORATOR" &&
    standing.accountStatus === "ACTIVE" &&
    ability.can("read", "Store")
  ) {
    explanation.reasons.push(
      `merchant side: collaborator roles: ${standing.roles.map((r) => r.name).join(", ") || "none"}`,
    );
  }
  return explanation;
}

// explainAccess: whether a user holds a permission in a store, and why, read from the same ability
// that decides their requests.
import type { Actor } from "./actor";
import * as gate from "./gate";
import { badInput, notFound } from "../domain/errors";
import { permissionInfo } from "../domain/roles/permissions";
import { explain, Explanation, permission } from "./store-ability";
import { msg } from "../i18n";

/** Allowed for the user themself and for those who manage the store's collaborators (R9). */
export async function explainAccess(
  actor: Actor,
  userId: number,
  storeId: number,
  handle: string,
): Promise<Explanation> {
  const viewer = actor.requireViewer().user;
  // The gate: a store one may not see is NOT_FOUND; one seen but not audited (R9), ACCESS_DENIED,
  // before the user is looked up (a user one may not audit reads as missing).
  const store = await gate.need(actor, "Store", storeId, userId === viewer.id ? "read" : "manageCollaborators");
  const user = await actor.lookups.user.load(userId);
  if (!user) throw notFound("thing.storeOrUser");
  const info = permissionInfo(handle);
  if (!info || info.scope !== "STORE") throw badInput(msg("denied.unknownStorePermission", { handle }));
  const { ability, standing } = await actor.access(store, user);
  const explanation = explain(ability, "use", permission(handle));
  if (
    !explanation.allowed &&
    standing.account?.userType === "COLLABORATOR" &&
    standing.accountStatus === "ACTIVE" &&
    ability.can("read", "Store")
  ) {
    explanation.reasons.push(
      standing.roles.length
        ? msg("reason.collaboratorRoles", { roles: standing.roles.map((r) => r.name).join(", ") })
        : msg("reason.collaboratorRoles", { roles: msg("reason.none") }),
    );
  }
  return explanation;
}

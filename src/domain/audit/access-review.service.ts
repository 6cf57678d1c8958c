// An access review of a store or an organization: who holds sensitive permissions, whose access
// is about to expire (R17), what is pending (R7), which accounts go unused, and what was granted
// beyond what was asked.
import { In } from "typeorm";
import { heldPermissionsOf } from "../../authz/held-permissions";
import { loadStandings, type StoreStanding } from "../../authz/standing";
import { DAY_MS } from "../../clock";
import * as gate from "../../authz/gate";
import type { Actor } from "../../authz/actor";
import { effectiveStatus, expiresAt } from "../collaborators/lifecycle-time";
import { StoreUser } from "../collaborators/store-user.entity";
import { badInput } from "../errors";
import { SENSITIVE_HANDLES } from "../roles/permissions";
import { Store } from "../stores/store.entity";
import { Session } from "../users/session.entity";
import { User } from "../users/user.entity";
import { auditableStore } from "./access-audit.service";
import { msg } from "../../i18n";

export interface ReviewFinding {
  account: StoreUser;
  permissions: string[];
  /** When the account expires (R17), or last showed activity. */
  at: Date | null;
}

export interface AccessReview {
  stores: Store[];
  sensitiveCollaborators: ReviewFinding[];
  expiringCollaborators: ReviewFinding[];
  pendingRequests: StoreUser[];
  unusedAccounts: ReviewFinding[];
  grantedBeyondRequest: ReviewFinding[];
}

async function reviewedStores(
  actor: Actor,
  scope: { storeId?: number | null; organizationId?: number | null },
): Promise<Store[]> {
  if (!!scope.storeId === !!scope.organizationId) throw badInput(msg("audit.storeOrOrganization"));
  if (scope.storeId) return [await auditableStore(actor, scope.storeId)];
  // The organization's owner and administrators review it (issue: who may run which audit).
  const org = await gate.need(actor, "Organization", scope.organizationId!, "manageCollaborators");
  return actor.ds.manager.find(Store, { where: { organizationId: org.id }, order: { id: "ASC" } });
}

export async function accessReview(
  actor: Actor,
  scope: { storeId?: number | null; organizationId?: number | null },
  window: { expiringWithinDays?: number | null; unusedForDays?: number | null },
): Promise<AccessReview> {
  const expiringWithin = window.expiringWithinDays ?? 14;
  const unusedFor = window.unusedForDays ?? 30;
  if (expiringWithin < 0 || expiringWithin > 365 || unusedFor < 1 || unusedFor > 3650)
    throw badInput(msg("audit.windows"));
  const stores = await reviewedStores(actor, scope);
  const db = actor.ds.manager;
  const now = actor.now();
  const rows = stores.length
    ? await db.find(StoreUser, {
        where: { storeId: In(stores.map((s) => s.id)), status: In(["ACTIVE", "REQUESTED"]) },
        order: { id: "ASC" },
      })
    : [];
  const live = rows.map((row) => ({ row, status: effectiveStatus(row, now) }));
  const active = live.filter((x) => x.status === "ACTIVE").map((x) => x.row);
  // What each active account holds, from its holder's store ability: the rules explainAccess reads,
  // so a collaborator whose partner organization cuts them off holds nothing here either (R24).
  const holders = active.length ? await db.findBy(User, { id: In([...new Set(active.map((r) => r.userId))]) }) : [];
  const standings = new Map<number, Map<number, StoreStanding>>();
  for (const store of stores) {
    const here = new Set(active.filter((r) => r.storeId === store.id).map((r) => r.userId));
    if (here.size)
      standings.set(
        store.id,
        await loadStandings(
          db,
          store,
          holders.filter((u) => here.has(u.id)),
          now,
        ),
      );
  }
  const held = (row: StoreUser) => heldPermissionsOf(standings.get(row.storeId)?.get(row.userId), row.id);
  const collaborators = active.filter((r) => r.userType === "COLLABORATOR");
  const staff = active.filter((r) => r.userType === "STAFF");
  const lastSignIn = new Map<number, Date>();
  if (staff.length) {
    const sessions = await db
      .createQueryBuilder(Session, "s")
      .select("s.userId", "userId")
      .addSelect("MAX(s.createdAt)", "last")
      .where("s.userId IN (:...ids)", { ids: [...new Set(staff.map((r) => r.userId))] })
      .groupBy("s.userId")
      .getRawMany<{ userId: number; last: string | Date }>();
    for (const s of sessions)
      lastSignIn.set(
        Number(s.userId),
        new Date(
          typeof s.last === "string" && !s.last.endsWith("Z") && !s.last.includes("+")
            ? `${s.last.replace(" ", "T")}Z`
            : s.last,
        ),
      );
  }
  const unusedBefore = now.getTime() - unusedFor * DAY_MS;
  const expiringBefore = now.getTime() + expiringWithin * DAY_MS;
  return {
    stores,
    sensitiveCollaborators: collaborators
      .map((account) => ({ account, permissions: held(account).filter((p) => SENSITIVE_HANDLES.has(p)), at: null }))
      .filter((f) => f.permissions.length),
    expiringCollaborators: collaborators
      .map((account) => ({ account, permissions: held(account), at: expiresAt(account) }))
      .filter((f) => f.at !== null && f.at.getTime() <= expiringBefore),
    pendingRequests: live.filter((x) => x.status === "REQUESTED").map((x) => x.row),
    unusedAccounts: [
      ...collaborators.map((account) => ({ account, permissions: held(account), at: account.lastLoginAt })),
      ...staff.map((account) => ({ account, permissions: held(account), at: lastSignIn.get(account.userId) ?? null })),
    ]
      .filter((f) => (f.at?.getTime() ?? 0) < unusedBefore)
      .sort((a, b) => a.account.id - b.account.id),
    grantedBeyondRequest: collaborators
      .map((account) => {
        const asked = new Set(account.requestedPermissions ?? []);
        return {
          account,
          permissions: account.requestedPermissions ? held(account).filter((p) => !asked.has(p)) : [],
          at: null,
        };
      })
      .filter((f) => f.permissions.length),
  };
}

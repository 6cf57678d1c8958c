// The time rules of the lifecycle, in one place: what a row's status is at a given instant.
import { DAY_MS } from "../../clock";
import type { CollaboratorStatus, StoreUser } from "./store-user.entity";

export const REQUEST_TTL_DAYS = 7; // R7
export const INACTIVITY_DAYS = 90; // R17

/** R7, R17: a pending request expires after 7 days; a collaborator unused for 90 days expires. */
export function effectiveStatus(row: StoreUser, now: Date): CollaboratorStatus {
  if (row.userType !== "COLLABORATOR") return row.status;
  if (row.status === "REQUESTED" && now.getTime() - row.createdAt.getTime() >= REQUEST_TTL_DAYS * DAY_MS)
    return "EXPIRED";
  if (row.status === "ACTIVE") {
    const since = row.lastLoginAt ?? row.acceptedAt ?? row.createdAt;
    if (now.getTime() - since.getTime() >= INACTIVITY_DAYS * DAY_MS) return "EXPIRED";
  }
  return row.status;
}

/** When a pending request or an unused account expires (R7, R17); null for rows that do not. */
export function expiresAt(row: StoreUser): Date | null {
  if (row.userType !== "COLLABORATOR") return null;
  if (row.status === "REQUESTED") return new Date(row.createdAt.getTime() + REQUEST_TTL_DAYS * DAY_MS);
  if (row.status === "ACTIVE")
    return new Date((row.lastLoginAt ?? row.acceptedAt ?? row.createdAt).getTime() + INACTIVITY_DAYS * DAY_MS);
  return null;
}

/** The cut-off instants for SQL filters equivalent to effectiveStatus. */
export function cutoffs(now: Date) {
  return {
    requestedBefore: new Date(now.getTime() - REQUEST_TTL_DAYS * DAY_MS),
    activeBefore: new Date(now.getTime() - INACTIVITY_DAYS * DAY_MS),
  };
}

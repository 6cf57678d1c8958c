// Global ids of the rows of test/fixtures/world.json that specs name most, and steps specs repeat.
import { expect } from "vitest";
import { must } from "./client";
import { REQUEST_CREATE, REQUEST_WITHDRAW } from "./documents";
import type { TestServer } from "./server";

export async function worldIds(s: TestServer, users: string[] = []) {
  const ids: Record<string, string> = {
    acmeEu: await s.gid("Store", "stores", { domain: "acme-eu.example.com" }),
    acmeUs: await s.gid("Store", "stores", { domain: "acme-us.example.com" }),
    nordic: await s.gid("Store", "stores", { domain: "nordic.example.com" }),
    fulfilment: await s.gid("Role", "roles", { name: "Fulfilment" }),
    pointOfSale: await s.gid("Role", "roles", { name: "Point of sale" }),
    support: await s.gid("Role", "roles", { name: "Support" }),
  };
  for (const key of users) ids[key] = await s.gid("User", "users", { email: `${key}@example.com` });
  return ids;
}

/**
 * kira (Koi) asks nordic (code 1234) for access again, her pending request withdrawn first (R29:
 * one pending request): one email to the store owner (nora) goes to the outbox. Returns the new
 * request's global id.
 */
export async function kiraRequestsNordic(s: TestServer): Promise<string> {
  const kira = await s.as("kira");
  const pending = await s.ds.query<{ id: number }[]>(
    `SELECT su.id FROM "store_users" su JOIN "stores" st ON st.id = su."storeId" JOIN "users" u ON u.id = su."userId" WHERE st.domain = 'nordic.example.com' AND u.email = 'kira@example.com' AND su.status = 'REQUESTED'`,
  );
  for (const row of pending) {
    const w = await kira.data(REQUEST_WITHDRAW, { id: `gid://latchkey/Collaborator/${row.id}` });
    expect(must(w.collaboratorRequestWithdraw).userErrors).toEqual([]);
  }
  const r = await kira.data(REQUEST_CREATE, {
    input: { storeDomain: "nordic.example.com", requestCode: "1234", permissions: ["orders"] },
  });
  const payload = must(r.collaboratorRequestCreate);
  expect(payload.userErrors).toEqual([]);
  return must(payload.collaborator, "collaborator").id;
}

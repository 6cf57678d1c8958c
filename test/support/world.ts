// Global ids of the rows of test/fixtures/world.json that specs name most.
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

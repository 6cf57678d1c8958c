// The permission catalog (docs/rules.md, "Roles and permissions"). A handle's group is the part before the dot.
import { CATALOGS, msg, type Message, type MessageId } from "../../i18n";
export interface PermissionInfo {
  handle: string;
  name: string;
  group: string;
  sensitive: boolean;
  scope: "STORE" | "ORGANIZATION";
}

const store = (handle: string, name: string, sensitive = false): PermissionInfo => ({
  handle,
  name,
  group: handle.split(".")[0],
  sensitive,
  scope: "STORE",
});
const org = (handle: string, name: string): PermissionInfo => ({
  handle,
  name,
  group: "org",
  sensitive: false,
  scope: "ORGANIZATION",
});

export const PERMISSIONS: readonly PermissionInfo[] = [
  store("home", "Home"),
  store("orders", "Orders"),
  store("orders.edit", "Edit orders"),
  store("orders.refund", "Refund orders"),
  store("orders.export", "Export orders"),
  store("draft_orders", "Draft orders"),
  store("products", "Products"),
  store("products.view", "View products"),
  store("products.export", "Export products"),
  store("gift_cards", "Gift cards"),
  store("customers", "Customers"),
  store("customers.export", "Export customers"),
  store("customers.request_data", "Request customer data", true),
  store("reports", "Reports"),
  store("dashboards", "Dashboards"),
  store("marketing", "Marketing"),
  store("discounts", "Discounts"),
  store("apps", "Manage and install apps and channels"),
  store("settings", "Settings"),
  store("settings.taxes", "Taxes"),
  store("settings.policies", "Policies"),
  store("online_store.themes", "Themes"),
  store("online_store.edit_code", "Edit theme code"),
  store("online_store.blog_posts", "Blog posts and pages"),
  store("online_store.navigation", "Navigation"),
  store("online_store.domains", "Domains"),
  store("locations", "Locations"),
  store("finance.billing", "Billing", true),
  store("finance.payment_settings", "Payment settings", true),
  store("users", "Manage users and roles"),
  store("pos", "Point of Sale"),
  org("org.stores.create", "Create stores"),
  org("org.billing.view", "View organization billing"),
  org("org.billing.pay", "Pay organization bills"),
  org("org.analytics", "Organization analytics"),
  org("org.users", "Manage organization users"),
];

const byHandle = new Map(PERMISSIONS.map((p) => [p.handle, p]));
const APP_OR_CHANNEL = /^(app|channel):([a-z0-9][a-z0-9_-]{0,63})$/;

/** The catalog entry for a handle, including `app:<handle>` and `channel:<handle>`; undefined if unknown. */
export function permissionInfo(handle: string): PermissionInfo | undefined {
  const known = byHandle.get(handle);
  if (known) return known;
  const m = APP_OR_CHANNEL.exec(handle);
  if (!m) return undefined;
  return {
    handle,
    name: `${m[1] === "app" ? "App" : "Sales channel"}: ${m[2]}`,
    group: m[1],
    sensitive: false,
    scope: "STORE",
  };
}

export const STORE_PERMISSION_HANDLES = PERMISSIONS.filter((p) => p.scope === "STORE").map((p) => p.handle);
export const SENSITIVE_HANDLES = new Set(PERMISSIONS.filter((p) => p.sensitive).map((p) => p.handle));

/** A permission's name or description as a message (src/i18n): the catalog's, or an app's or a channel's. */
export function permissionText(handle: string, part: "name" | "description"): Message {
  const m = APP_OR_CHANNEL.exec(handle);
  if (m) return msg(`permission.${m[1] as "app" | "channel"}.${part}`, { handle: m[2] });
  const id = `permission.${handle}.${part}`;
  return id in CATALOGS.en ? msg(id as MessageId) : msg("permission.app.name", { handle });
}

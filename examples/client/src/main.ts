// An example client of Latchkey, typed from the server's schema by GraphQL Code Generator.
// With the demo data (`npm start` loads seeds/demo.json into an empty development database):
//   a partner (Yuki Sato, Koi Commerce Agency) asks for access to Acme Outfitters EU with its
//   four-digit request code; the store's owner (Olivia Hart) previews what accepting would give,
//   accepts, asks the server why the partner may (or may not) do things there, and reads the
//   store's audit trail.
//
//   npm run example:client -- http://localhost:4000/graphql      (or LATCHKEY_URL=...)
//
// Exit status 0 when every step succeeded; 1 with the codes of what refused otherwise (a second
// run stops at the request: the partner is a collaborator already).
import { ACCEPT, ACCEPT_PREVIEW, AUDIT_TRAIL, EXPLAIN_ACCESS, REQUEST_ACCESS, SIGN_IN } from "./documents";
import type { AuditTrailQuery, ProblemsFragment } from "./generated/graphql";
import { client, RequestError } from "./request";

const endpoint = process.argv[2] ?? process.env.LATCHKEY_URL ?? "http://localhost:4000/graphql";

// The demo accounts (README "Demo sign-ins"); every demo password is latchkey-demo.
const PASSWORD = "latchkey-demo";
const PARTNER = "yuki.sato@example.com";
const OWNER = "olivia.hart@example.com";
const STORE = { domain: "acme-eu.example.com", requestCode: "5093" };
// What the partner asks for, and the permissions the owner then asks explainAccess about.
const REQUESTED = ["orders", "products.view"];
const EXPLAINED = ["orders", "customers"];

const request = client(endpoint);

/** A mutation's or a preview's refusal: the codes of its userErrors. */
class Refused extends Error {}

function check(step: string, userErrors: ProblemsFragment[]) {
  if (userErrors.length === 0) return;
  const problems = userErrors.map((e) => `${e.code ?? "?"} at ${(e.field ?? []).join(".") || "-"} (${e.message})`);
  throw new Refused(`${step} refused: ${problems.join("; ")}`);
}

const handles = (permissions: { handle: string }[]) => permissions.map((p) => p.handle).join(", ") || "none";

async function signIn(email: string) {
  const { signIn } = await request(SIGN_IN, { input: { email, password: PASSWORD } });
  check(`signIn ${email}`, signIn?.userErrors ?? []);
  if (!signIn?.token || !signIn.viewer) throw new Refused(`signIn ${email}: no session`);
  console.log(`Signed in as ${signIn.viewer.name} (${signIn.viewer.email})`);
  return { token: signIn.token, user: signIn.viewer };
}

async function main() {
  console.log(`Latchkey at ${endpoint}`);

  // 1. The partner asks for access with the store's request code (R2-R6).
  const partner = await signIn(PARTNER);
  const { collaboratorRequestCreate: created } = await request(
    REQUEST_ACCESS,
    { input: { storeDomain: STORE.domain, requestCode: STORE.requestCode, permissions: REQUESTED } },
    partner.token,
  );
  check("collaboratorRequestCreate", created?.userErrors ?? []);
  const pending = created?.collaborator;
  if (!pending) throw new Refused("collaboratorRequestCreate: no collaborator");
  console.log(
    `Requested access to ${pending.store.name} (${pending.store.domain}): request ${pending.id}, ` +
      `status ${pending.status}, asking for ${handles(pending.requestedPermissions)}`,
  );

  // 2. The owner previews what accepting the request as sent would give, then accepts it so.
  const owner = await signIn(OWNER);
  const { collaboratorRequestAcceptPreview: preview } = await request(ACCEPT_PREVIEW, { id: pending.id }, owner.token);
  check("collaboratorRequestAcceptPreview", preview.userErrors);
  if (!preview.collaborator) throw new Refused("collaboratorRequestAcceptPreview: no collaborator");
  const { user, store } = preview.collaborator;
  console.log("Preview of accepting:");
  for (const role of preview.roles) console.log(`  role ${role.name}: ${handles(role.permissions)}`);
  console.log(`  permissions: ${handles(preview.permissions)}`);
  console.log(`  sensitive: ${handles(preview.sensitivePermissions)}`);
  console.log(`  beyond requested: ${handles(preview.beyondRequested)}`);

  const { collaboratorRequestAccept: accepted } = await request(ACCEPT, { id: pending.id }, owner.token);
  check("collaboratorRequestAccept", accepted?.userErrors ?? []);
  const collaborator = accepted?.collaborator;
  if (!collaborator) throw new Refused("collaboratorRequestAccept: no collaborator");
  console.log(
    `Accepted: status ${collaborator.status} at ${collaborator.acceptedAt ?? "?"}, ` +
      `roles ${collaborator.roles.map((r) => r.name).join(", ")}, permissions ${handles(collaborator.permissions)}`,
  );

  // 3. Why the partner may, or may not, do things in the store now (the rules that decide).
  for (const permission of EXPLAINED) {
    const { explainAccess } = await request(
      EXPLAIN_ACCESS,
      { userId: user.id, storeId: store.id, permission },
      owner.token,
    );
    console.log(`explainAccess ${user.name} ${permission}: ${explainAccess.allowed ? "allowed" : "denied"}`);
    for (const via of explainAccess.via) {
      console.log(`  ${via.kind}${via.role ? ` ${via.role.name}` : ""}: ${via.reason}`);
    }
    if (explainAccess.via.length === 0) console.log("  no role, ownership or partner setting gives it");
  }

  // 4. The store's audit trail, oldest first, page by page.
  console.log(`Audit trail of ${store.name}:`);
  let after: string | null = null;
  do {
    const { auditLog }: AuditTrailQuery = await request(AUDIT_TRAIL, { storeId: store.id, after }, owner.token);
    for (const e of auditLog.nodes) {
      const target = e.targetType ? ` on ${e.targetType} ${e.targetName ?? ""}`.trimEnd() : "";
      console.log(`  ${e.createdAt} ${e.action} by ${e.actorName}${target} ${JSON.stringify(e.details)}`);
    }
    after = auditLog.pageInfo.hasNextPage ? auditLog.pageInfo.endCursor : null;
  } while (after);
}

main().catch((error: unknown) => {
  if (error instanceof RequestError || error instanceof Refused) console.error(`error: ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
});

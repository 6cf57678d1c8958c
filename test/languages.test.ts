// Issue 13: the main paths in each of the four languages, read off the words themselves (the seeds'
// glossary), not off the catalogs: a request refused (R3), an accept refused (R8), an explanation
// (R9) and the request email to the store owner (R5). The codes and rules never change.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { graphql } from "./generated";
import { must } from "./support/client";
import { EXPLAIN_ACCESS, REQUEST_ACCEPT, REQUEST_CREATE } from "./support/documents";
import { startServer, type TestServer } from "./support/server";

const LANGUAGE = graphql(`
  mutation LanguagesPreferred($input: ViewerUpdateInput!) {
    viewerUpdate(input: $input) {
      user {
        preferredLanguage
      }
    }
  }
`);

type Locale = "en" | "da" | "ja" | "sv";

/** What each language says; the words come from the seeds where they name the thing. */
const SAYS: Record<
  Locale,
  { header: string; wrongCode: string; needsRole: string; ownerReason: string; requestSubject: string }
> = {
  en: {
    header: "en-GB",
    wrongCode: "The collaborator request code is wrong or no longer valid.",
    needsRole: "Accepting needs at least one role.",
    ownerReason: "store owner: every store permission",
    requestSubject: "requested collaborator access to",
  },
  da: {
    header: "da-DK,da;q=0.9,en;q=0.5",
    wrongCode: "Anmodningskoden for samarbejdspartnere er forkert eller ikke længere gyldig.",
    needsRole: "Der skal være mindst én rolle for at acceptere.",
    ownerReason: "butiksejer: alle butikstilladelser",
    requestSubject: "har anmodet om adgang som samarbejdspartner til",
  },
  ja: {
    header: "ja",
    wrongCode: "コラボレーターリクエストコードが間違っているか、すでに無効になっています。",
    needsRole: "承認するには、少なくとも1つの役割が必要です。",
    ownerReason: "ストアオーナー：すべてのストア権限",
    requestSubject: "コラボレーターアクセスをリクエストしました",
  },
  sv: {
    header: "fr;q=0.9, sv-SE;q=0.8",
    wrongCode: "Koden för samarbetspartnerförfrågan är fel eller inte längre giltig.",
    needsRole: "För att acceptera krävs minst en roll.",
    ownerReason: "butiksägare: alla butiksbehörigheter",
    requestSubject: "har begärt samarbetspartneråtkomst till",
  },
};

/** Who asks which store for the request email in each language (one fresh request each). */
const REQUEST_EMAIL: Record<Locale, { requester: string; owner: string; domain: string; code: string }> = {
  en: { requester: "kai", owner: "owen", domain: "studio.example.com", code: "5555" },
  da: { requester: "pete", owner: "nora", domain: "nordic.example.com", code: "1234" },
  ja: { requester: "pete", owner: "owen", domain: "studio.example.com", code: "5555" },
  sv: { requester: "kai", owner: "erin", domain: "acme-us.example.com", code: "7310" },
};

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

describe.each(Object.keys(SAYS) as Locale[])("in %s", (locale) => {
  const says = SAYS[locale];

  test("issue 13 (R3): a wrong request code is refused in the request's language, with its code and rule apart", async () => {
    const pete = await s.as("pete");
    pete.headers = { "accept-language": says.header };
    const r = must(
      (
        await pete.data(REQUEST_CREATE, {
          input: { storeDomain: "studio.example.com", permissions: ["orders"], requestCode: "0000" },
        })
      ).collaboratorRequestCreate,
      "payload",
    );
    expect(r.collaborator).toBeNull();
    expect(r.userErrors).toEqual([
      { field: ["input", "requestCode"], code: "INVALID_REQUEST_CODE", rule: "R3", message: says.wrongCode },
    ]);
  });

  test("issue 13 (R8): an accept without any role is refused in the request's language", async () => {
    const nora = await s.as("nora");
    nora.headers = { "accept-language": says.header };
    const idOf = async (table: string, where: Record<string, unknown>) =>
      Number((await s.gid("Row", table, where)).split("/").pop());
    const kiraRequest = await s.gid("Collaborator", "store_users", {
      userId: await idOf("users", { email: "kira@example.com" }),
      storeId: await idOf("stores", { domain: "nordic.example.com" }),
    });
    const r = must(
      (await nora.data(REQUEST_ACCEPT, { id: kiraRequest, input: { dropAutoRole: true, roleIds: [] } }))
        .collaboratorRequestAccept,
      "payload",
    );
    expect(r.collaborator).toBeNull();
    expect(r.userErrors.map((e) => [e.code, e.rule, e.message])).toEqual([["ROLE_REQUIRED", "R8", says.needsRole]]);
  });

  test("issue 13 (R9): explainAccess gives its reasons in the request's language, each with its rule", async () => {
    const erin = await s.as("erin");
    erin.headers = { "accept-language": says.header };
    const e = (
      await erin.data(EXPLAIN_ACCESS, {
        userId: await s.gid("User", "users", { email: "erin@example.com" }),
        storeId: await s.gid("Store", "stores", { domain: "acme-eu.example.com" }),
        permission: "orders",
      })
    ).explainAccess;
    expect(e.allowed).toBe(true);
    expect(e.reasons).toContain(says.ownerReason);
  });

  test("issue 13 (R5): the request email reaches the store owner in the owner's preferred language, whatever the requester's", async () => {
    const { requester, owner, domain, code } = REQUEST_EMAIL[locale];
    const ownerClient = await s.as(owner);
    await ownerClient.data(LANGUAGE, { input: { preferredLanguage: locale } });
    const partner = await s.as(requester);
    partner.headers = { "accept-language": locale === "ja" ? "sv" : "ja" }; // the requester's language is not the owner's
    const r = must(
      (
        await partner.data(REQUEST_CREATE, {
          input: { storeDomain: domain, permissions: ["orders"], requestCode: code, message: "Hej" },
        })
      ).collaboratorRequestCreate,
      "payload",
    );
    expect(r.userErrors).toEqual([]);
    const [home] = await s.ds.query<{ subject: string; body: string }[]>(
      `SELECT subject, body FROM notifications WHERE kind = 'collaborator_request' AND recipient = 'store:${domain}' ORDER BY id DESC`,
    );
    expect(home.subject).toContain(says.requestSubject);
    expect(home.body).toContain("Hej");
  });
});

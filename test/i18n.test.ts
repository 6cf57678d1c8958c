// Issue 13: four languages. The catalogs are complete and agree on their placeholders; the request's
// language is negotiated once (Accept-Language with quality values, else the viewer's preferred
// language, else English); rule ids live in `rule` fields, never in the words; notifications are
// written in the recipient's language. Until the translations land, da/ja/sv may repeat the English
// words: the checks that tell the languages apart use what Intl formats per language (numbers, dates).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PARTNER_PERMISSIONS } from "../src/domain/partners/partner-permissions";
import { PERMISSIONS } from "../src/domain/roles/permissions";
import { CATALOGS, LOCALES, msg, negotiate, requestLocale, translate, type MessageId } from "../src/i18n";
import { graphql } from "./generated";
import { must } from "./support/client";
import { startServer, type TestServer } from "./support/server";

const en = CATALOGS.en as Record<string, string>;

/** The arguments of an ICU message with their kinds (plain, number, date, plural, select...). */
function placeholders(text: string, locale: string): string[] {
  const found = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
      // Types of @formatjs/icu-messageformat-parser: 0 literal, 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 7 pound.
      if (node.type >= 1 && node.type <= 6) found.add(`${node.value}:${node.type}`);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).getAst());
  return [...found].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith(".ts") ? [file] : [];
  });
}

describe("the catalogs", () => {
  test("issue 13: every message of the English catalog is in the Danish, Japanese and Swedish ones, and nothing else is", () => {
    for (const locale of LOCALES) {
      const catalog = CATALOGS[locale] as Record<string, string>;
      expect(Object.keys(catalog).sort(), locale).toEqual(Object.keys(en).sort());
      for (const [id, text] of Object.entries(catalog)) expect(text.trim(), `${locale} ${id}`).not.toBe("");
    }
  });

  test("issue 13: every translation parses as ICU MessageFormat and has exactly the English placeholders", () => {
    for (const locale of LOCALES)
      for (const [id, text] of Object.entries(CATALOGS[locale] as Record<string, string>))
        expect(placeholders(text, locale), `${locale} ${id}`).toEqual(placeholders(en[id], "en"));
  });

  test("issue 13: a message is plain language: no rule id (R1...R30) in any catalog's words", () => {
    for (const locale of LOCALES)
      for (const [id, text] of Object.entries(CATALOGS[locale] as Record<string, string>))
        expect(text, `${locale} ${id}`).not.toMatch(/\bR\d{1,2}\b/);
  });

  test("issue 13: every message id the code names is in the English catalog (and tsc types msg() by its keys)", () => {
    const named = new Set<string>();
    for (const file of sourceFiles("src")) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bmsg\(\s*"([^"]+)"/g)) named.add(m[1]);
      for (const m of text.matchAll(/"((?:thing|error|denied|reason)\.[A-Za-z.]+)"/g)) named.add(m[1]);
    }
    // Ids built at run time: each value they are built from.
    for (const t of ["DEVELOPMENT", "MANAGED", "PLUS_SANDBOX"]) named.add(`storeType.${t}`);
    for (const a of ["ADD_ARCHIVE_UNARCHIVE", "TRANSFER", "ADD_REMOVE"]) named.add(`partnerAction.${a}`);
    for (const k of ["ADMINISTRATOR", "ORGANIZATION_ADMINISTRATOR", "STORE_USER_ADMINISTRATOR"])
      named.add(`role.systemName.${k}`);
    for (const p of PERMISSIONS)
      for (const part of ["name", "description"]) named.add(`permission.${p.handle}.${part}`);
    for (const p of PARTNER_PERMISSIONS)
      for (const part of ["name", "description"]) named.add(`partnerPermission.${p}.${part}`);
    expect(named.size).toBeGreaterThan(200);
    expect([...named].filter((id) => !(id in en))).toEqual([]);
  });
});

describe("which language", () => {
  test("issue 13: Accept-Language honours quality values, takes da-DK as Danish, skips what is unsupported or refused (q=0)", () => {
    expect(negotiate("da-DK")).toBe("da");
    expect(negotiate("sv-SE,sv;q=0.9,en;q=0.8")).toBe("sv");
    expect(negotiate("en;q=0.5, ja;q=0.9")).toBe("ja");
    expect(negotiate("fr-FR, de;q=0.9, da;q=0.1")).toBe("da");
    expect(negotiate("ja;q=0, sv;q=0.2")).toBe("sv");
    expect(negotiate("da;q=0.8, sv;q=0.8")).toBe("da"); // a tie goes to the earlier
    expect(negotiate("fr, de")).toBeNull();
    expect(negotiate("*")).toBeNull();
    expect(negotiate("")).toBeNull();
    expect(negotiate(null)).toBeNull();
  });

  test("issue 13: the header beats the preferred language, which beats English; anything unsupported is English", () => {
    expect(requestLocale("da", "ja")).toBe("da");
    expect(requestLocale("fr", "ja")).toBe("ja");
    expect(requestLocale(null, "sv")).toBe("sv");
    expect(requestLocale(null, "pt-BR")).toBe("en");
    expect(requestLocale("klingon", null)).toBe("en");
  });

  test("issue 13: numbers, plurals and dates are formatted by Intl for the language", () => {
    const length = msg("request.messageTooLong", { max: 2000 });
    expect(translate("en", length)).toContain("2,000");
    expect(translate("da", length)).toContain("2.000");
    expect(translate("sv", length)).toContain("2\u00a0000");
    const at = new Date("2026-05-03T10:20:30Z");
    expect(translate("en", "mail.passwordChanged.body", { at })).toContain("May 3, 2026");
    expect(translate("ja", "mail.passwordChanged.body", { at })).toContain("2026年5月3日");
    expect(translate("en", "duration.minutes", { count: 1 })).toBe("1 minute");
    expect(translate("en", "duration.minutes", { count: 5 })).toBe("5 minutes");
  });
});

// ---- over HTTP -----------------------------------------------------------------------------------

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

const REQUEST = graphql(`
  mutation I18nRequest($input: CollaboratorRequestCreateInput!) {
    collaboratorRequestCreate(input: $input) {
      collaborator {
        id
      }
      userErrors {
        field
        message
        code
        rule
      }
    }
  }
`);
const LANGUAGE = graphql(`
  mutation I18nLanguage($input: ViewerUpdateInput!) {
    viewerUpdate(input: $input) {
      user {
        preferredLanguage
      }
    }
  }
`);
const CATALOG = graphql(`
  query I18nCatalog {
    permissions {
      handle
      name
      description
    }
    partnerPermissions {
      handle
      name
      description
    }
  }
`);
const EXPLAIN = graphql(`
  query I18nExplain($userId: ID!, $storeId: ID!, $permission: String!) {
    explainAccess(userId: $userId, storeId: $storeId, permission: $permission) {
      allowed
      reasons
      explanations {
        rule
        message
      }
    }
  }
`);
const REPORTS = graphql(`
  query I18nReports {
    partnerReports(first: 1) {
      nodes {
        id
      }
    }
  }
`);

const tooLong = { storeDomain: "acme-eu.example.com", permissions: ["orders"], message: "x".repeat(2001) };

describe("the request's language over HTTP", () => {
  test("issue 13: a userError is in the header's language, else the viewer's preferred one; its rule is apart (R3)", async () => {
    const pete = await s.as("pete");
    const messageOf = async (acceptLanguage?: string) => {
      pete.headers = acceptLanguage ? { "accept-language": acceptLanguage } : {};
      const r = must((await pete.data(REQUEST, { input: tooLong })).collaboratorRequestCreate, "payload");
      expect(r.userErrors).toHaveLength(1);
      expect(r.userErrors[0].code).toBe("INVALID");
      return r.userErrors[0].message;
    };
    const expected = (locale: "en" | "da" | "sv") => translate(locale, msg("request.messageTooLong", { max: 2000 }));
    expect(await messageOf()).toBe(expected("en"));
    expect(await messageOf("da-DK,en;q=0.5")).toBe(expected("da"));
    expect(await messageOf("en;q=0.2, sv;q=0.9")).toBe(expected("sv"));
    pete.headers = {};
    expect((await pete.data(LANGUAGE, { input: { preferredLanguage: "sv" } })).viewerUpdate?.user).toEqual({
      preferredLanguage: "sv",
    });
    expect(await messageOf()).toBe(expected("sv")); // no header: the viewer's preferred language
    expect(await messageOf("fr-FR")).toBe(expected("sv")); // unsupported header: the same
    expect(await messageOf("da")).toBe(expected("da")); // the header beats the preferred language

    // R3: a wrong request code: the rule in `rule`, the words without it.
    pete.headers = { "accept-language": "da" };
    const wrong = must(
      (
        await pete.data(REQUEST, {
          input: { storeDomain: "studio.example.com", permissions: ["orders"], requestCode: "0000" },
        })
      ).collaboratorRequestCreate,
      "payload",
    );
    expect(wrong.userErrors.map((e) => [e.code, e.rule])).toEqual([["INVALID_REQUEST_CODE", "R3"]]);
    expect(wrong.userErrors[0].message).toBe(translate("da", "request.codeWrong"));
    expect(wrong.userErrors[0].message).not.toMatch(/\bR\d/);
  });

  test("issue 13: a top-level error keeps its code, says its rule in extensions.rule and its words in the request's language (R30)", async () => {
    const pia = await s.as("pia");
    for (const locale of LOCALES) {
      pia.headers = { "accept-language": locale };
      const r = await pia.gql(REPORTS);
      const error = must(r.errors?.[0], "the error");
      expect(error.extensions).toEqual({ code: "ACCESS_DENIED", rule: "R30" });
      expect(error.message).toBe(translate(locale, "denied.reports"));
    }
  });

  test("issue 13: explainAccess keeps reasons and adds explanations with the rule apart from the words (R9)", async () => {
    const erin = await s.as("erin");
    erin.headers = { "accept-language": "ja" };
    const erinId = await s.gid("User", "users", { email: "erin@example.com" });
    const store = await s.gid("Store", "stores", { domain: "acme-eu.example.com" });
    const e = (await erin.data(EXPLAIN, { userId: erinId, storeId: store, permission: "orders" })).explainAccess;
    expect(e.allowed).toBe(true);
    expect(e.explanations.map((x) => x.message)).toEqual(e.reasons);
    expect(e.reasons).toContain(translate("ja", "reason.storeOwnerEveryPermission"));
    for (const reason of e.reasons) expect(reason).not.toMatch(/\bR\d/);
  });

  test("issue 13: the permission catalog and partnerPermissions (R23) name and describe each permission in the request's language", async () => {
    const anon = s.anonymous();
    anon.headers = { "accept-language": "sv-SE" };
    const catalog = await anon.data(CATALOG);
    expect(catalog.partnerPermissions.map((p) => p.handle)).toEqual([...PARTNER_PERMISSIONS]);
    for (const p of catalog.partnerPermissions) {
      expect(p.name).toBe(translate("sv", `partnerPermission.${p.handle}.name` as MessageId));
      expect(p.description).toBe(translate("sv", `partnerPermission.${p.handle}.description` as MessageId));
    }
    const view = must(
      catalog.permissions.find((p) => p.handle === "products.view"),
      "products.view",
    );
    expect(view).toEqual({
      handle: "products.view",
      name: translate("sv", "permission.products.view.name"),
      description: translate("sv", "permission.products.view.description"),
    });
  });
});

/** The outbox rows of a kind to a recipient: what delivery sends as they are (src/domain/notifications/delivery.ts). */
const mail = (kind: string, recipient: string): Promise<{ subject: string; body: string }[]> =>
  s.ds.query(
    `SELECT subject, body FROM notifications WHERE kind = '${kind}' AND recipient = '${recipient}' ORDER BY id`,
  );

describe("notifications in the recipient's language", () => {
  test("issue 13: the request email and home notice of R5 are in the store owner's language, not the requester's", async () => {
    const nora = await s.as("nora"); // owner of nordic
    await nora.data(LANGUAGE, { input: { preferredLanguage: "da" } });
    const kai = await s.as("kai");
    kai.headers = { "accept-language": "ja" };
    const r = must(
      (
        await kai.data(REQUEST, {
          input: { storeDomain: "nordic.example.com", permissions: ["orders"], message: "Hej", requestCode: "1234" },
        })
      ).collaboratorRequestCreate,
      "payload",
    );
    expect(r.userErrors).toEqual([]);
    const [store] = await s.ds.query<{ name: string; email: string }[]>(
      `SELECT name, email FROM stores WHERE domain = 'nordic.example.com'`,
    );
    const [email] = await mail("collaborator_request", store.email);
    const [home] = await mail("collaborator_request", "store:nordic.example.com");
    expect(email.subject).toBe(
      translate("da", "mail.collaboratorRequest.subject", { partner: "Koi Commerce", store: store.name }),
    );
    expect(email.body).toContain("Hej");
    expect(email.body).not.toMatch(/\bR\d/);
    expect(home).toEqual(email); // the home notice says the same, in the same language
  });

  test("issue 13: a password change is emailed in the user's preferred language, whatever the request's (R27)", async () => {
    const nils = await s.as("nils");
    await nils.data(LANGUAGE, { input: { preferredLanguage: "ja" } });
    nils.headers = { "accept-language": "en" };
    const changed = await nils.gql(
      `mutation { passwordChange(currentPassword: "password-nils", newPassword: "a-new-password-for-nils") { userErrors { code } } }`,
    );
    expect(changed.errors).toBeUndefined();
    const rows = await mail("password_changed", "nils@example.com");
    expect(rows).toHaveLength(1);
    expect(rows[0].subject).toBe(translate("ja", "mail.passwordChanged.subject"));
    expect(rows[0].body).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/); // the date as Japanese writes it
  });
});

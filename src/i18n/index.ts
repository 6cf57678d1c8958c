// The languages the service speaks (issue 13): ICU MessageFormat catalogs per language
// (src/i18n/messages/*.json, English the reference), the negotiation of a request's language, and
// messages as data until rendered. The domain says what it means with a descriptor (`msg`); the
// GraphQL layer renders it in the request's language, notifications in the recipient's.
import { IntlMessageFormat } from "intl-messageformat";
import da from "./messages/da.json";
import en from "./messages/en.json";
import ja from "./messages/ja.json";
import sv from "./messages/sv.json";

export const LOCALES = ["en", "da", "ja", "sv"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Every message id: the keys of the English catalog, so tsc refuses an id it lacks. */
export type MessageId = keyof typeof en;

/** English is complete by construction; the others are checked by test/i18n.test.ts (a gap falls back to English). */
export const CATALOGS: Record<Locale, Partial<Record<MessageId, string>>> = { en, da, ja, sv };

/** A value in a message: a nested message is rendered first, in the same language. */
export type MessageValue = string | number | Date | Message | null | undefined;

/** A message as data: what to say and with which values, and the rule (R1...R30) behind it, if one. */
export interface Message {
  readonly id: MessageId;
  readonly values?: Readonly<Record<string, MessageValue>>;
  /** The rule id (docs/rules.md) the message stands for: kept out of the words, for tools and audits. */
  readonly rule?: string;
}

export const msg = (id: MessageId, values?: Record<string, MessageValue>, rule?: string): Message => ({
  id,
  ...(values ? { values } : {}),
  ...(rule ? { rule } : {}),
});

export const isMessage = (value: unknown): value is Message =>
  typeof value === "object" && value !== null && typeof (value as Message).id === "string" && !(value instanceof Date);

// Dates and times in UTC, as the server keeps them, with the zone said.
const FORMATS = {
  date: { long: { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" } },
  time: { long: { hour: "numeric", minute: "2-digit", second: "2-digit", timeZone: "UTC", timeZoneName: "short" } },
} as const;

const formatters = new Map<string, IntlMessageFormat>();

function formatter(locale: Locale, id: MessageId): IntlMessageFormat {
  const key = `${locale}\u0000${id}`;
  let f = formatters.get(key);
  if (!f) {
    const text = CATALOGS[locale][id] ?? CATALOGS.en[id];
    if (text === undefined) throw new Error(`No message ${JSON.stringify(id)} in the catalogs.`);
    // ignoreTag: "<token>" and the like are text, not markup.
    f = new IntlMessageFormat(text, locale, FORMATS, { ignoreTag: true });
    formatters.set(key, f);
  }
  return f;
}

/** A message in a language. */
export function translate(locale: Locale, message: Message | MessageId, values?: Record<string, MessageValue>): string {
  const m = typeof message === "string" ? msg(message, values) : message;
  const rendered: Record<string, string | number | Date> = {};
  for (const [k, v] of Object.entries(m.values ?? {}))
    rendered[k] = isMessage(v) ? translate(locale, v) : v === null || v === undefined ? "" : v;
  return String(formatter(locale, m.id).format(rendered));
}

/** A supported language from a language tag (`da-DK` is Danish), or null. */
export function localeOf(tag: string | null | undefined): Locale | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary ?? "") ? (primary as Locale) : null;
}

/**
 * The most wanted supported language of an Accept-Language header (RFC 9110: quality values, `q=0`
 * refuses, ties go to the earlier), or null when it names none. `*` names none: it leaves the choice
 * to the viewer's preferred language.
 */
export function negotiate(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const wanted = acceptLanguage
    .split(",")
    .slice(0, 50)
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      const quality = q === undefined ? 1 : Number(q);
      return { locale: localeOf(tag), quality: Number.isFinite(quality) ? quality : 0, order };
    })
    .filter((w): w is { locale: Locale; quality: number; order: number } => w.locale !== null && w.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return wanted[0]?.locale ?? null;
}

/** The language of a request: its Accept-Language, else the viewer's preferred language, else English. */
export const requestLocale = (
  acceptLanguage: string | null | undefined,
  preferred: string | null | undefined,
): Locale => negotiate(acceptLanguage) ?? localeOf(preferred) ?? DEFAULT_LOCALE;

/** The language of someone written to: their preferred language, else English. */
export const recipientLocale = (user: { preferredLanguage?: string | null } | null | undefined): Locale =>
  localeOf(user?.preferredLanguage) ?? DEFAULT_LOCALE;

/** A role's name to show: a system role's in the reader's language, a role merchants named as written. */
export const roleName = (role: { name: string; systemKey?: string | null }): MessageValue =>
  role.systemKey && `role.systemName.${role.systemKey}` in CATALOGS.en
    ? msg(`role.systemName.${role.systemKey}` as MessageId)
    : role.name;

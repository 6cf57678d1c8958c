// Email delivery of the outbox over SMTP (R5), against a real SMTP server started here.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { clock } from "../src/clock";
import { ConfigError, loadConfig } from "../src/config";
import { backoffMs, deliverOutbox, MAX_ATTEMPTS } from "../src/domain/notifications/delivery";
import { createMailTransport } from "../src/domain/notifications/mailer";
import { Notification } from "../src/domain/notifications/notification.entity";
import { createDataSource } from "../src/db/data-source";
import { loadFixture } from "../src/seed/load";
import { graphql } from "./generated";
import { must } from "./support/client";
import {
  COLLABORATOR_ACCOUNTS,
  REQUEST_CREATE as CREATE,
  REQUEST_WITHDRAW as WITHDRAW,
  SIGN_IN,
} from "./support/documents";
import { killLatchkey, spawnLatchkey, type SpawnedLatchkey } from "./support/processes";
import { migratedDatabase, readFixture, startServer, TestClient, type TestServer } from "./support/server";
import { kiraRequestsNordic as kiraRequestsNordicAgain } from "./support/world";

interface Received {
  to: string[];
  subject: string;
  raw: string;
}

let s: TestServer;
let smtp: SMTPServer;
let smtpUrl: string;
const received: Received[] = [];
/** How many of the next RCPT TO commands the server refuses with a 451 (temporary failure). */
let refuseNext = 0;

const NOTIFICATIONS = graphql(`
  query EmailNotifications($id: ID!) {
    notifications(storeId: $id, first: 50) {
      nodes {
        id
        channel
        kind
        recipient
        subject
        deliveredAt
      }
    }
  }
`);

function headerOf(raw: string, name: string): string {
  const unfolded = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  const m = unfolded.match(new RegExp(`^${name}: (.*)$`, "mi"));
  return m ? m[1].trim() : "";
}

/** kira (Koi) asks nordic (code 1234) for access again: one email to nora's store account email. Returns its outbox row. */
async function kiraRequestsNordic(): Promise<Notification> {
  await kiraRequestsNordicAgain(s);
  const rows = await s.ds
    .getRepository(Notification)
    .find({ where: { channel: "EMAIL", kind: "collaborator_request" }, order: { id: "DESC" }, take: 1 });
  expect(rows[0].recipient).toBe("nora@example.com");
  return rows[0];
}

/** Empties the outbox of what earlier tests left (without the SMTP server). */
async function drain() {
  const sink = nodemailer.createTransport({ jsonTransport: true });
  await deliverOutbox(s.ds, sink);
  received.length = 0;
}

const row = (id: number) => s.ds.getRepository(Notification).findOneByOrFail({ id });

beforeAll(async () => {
  s = await startServer();
  smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuseNext > 0) {
        refuseNext--;
        const error = Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({ to: session.envelope.rcptTo.map((a) => a.address), subject: headerOf(raw, "Subject"), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});

afterEach(() => {
  clock.reset();
  refuseNext = 0;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await s.close();
});

describe("email delivery of the outbox", () => {
  it("R5: a collaborator request email reaches the store's account email once, and is marked delivered", async () => {
    await drain();
    const n = await kiraRequestsNordic();
    const transport = createMailTransport(smtpUrl);
    const first = await deliverOutbox(s.ds, transport);
    expect(first).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(["nora@example.com"]);
    expect(received[0].subject).toBe(n.subject);
    expect(received[0].subject).toBe("Koi Commerce requested collaborator access to Nordic");
    const after = await row(n.id);
    expect(after.deliveredAt).not.toBeNull();
    expect(after.attempts).toBe(0);
    expect(after.claimToken).toBeNull();

    // Running delivery again sends nothing.
    expect(await deliverOutbox(s.ds, transport)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);

    // The store's outbox shows it delivered.
    const nora = await s.as("nora");
    const store = await s.gid("Store", "stores", { domain: "nordic.example.com" });
    const list = must((await nora.data(NOTIFICATIONS, { id: store })).notifications).nodes;
    const shown = must(
      list.find((x) => x.id === `gid://latchkey/Notification/${n.id}`),
      "the notification",
    );
    expect(shown.deliveredAt).toBe(after.deliveredAt!.toISOString());
    transport.close();
  });

  it("R5: two delivery workers running at once send each message exactly once", async () => {
    await drain();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await kiraRequestsNordic()).id);
    const [a, b] = [createMailTransport(smtpUrl), createMailTransport(smtpUrl)];
    // On PostgreSQL the second worker is another instance: its own data source (connection pool) on the database.
    const pg = s.ds.options.type === "postgres";
    const other = pg ? createDataSource({ kind: "postgres", url: (s.ds.options as { url: string }).url }) : s.ds;
    if (pg) await other.initialize();
    const results = await Promise.all([
      deliverOutbox(s.ds, a, { batchSize: 2 }),
      deliverOutbox(other, b, { batchSize: 2 }),
    ]);
    if (pg) await other.destroy();
    expect(results[0].sent + results[1].sent).toBe(5);
    expect(received).toHaveLength(5);
    expect(received.every((m) => m.to.join() === "nora@example.com")).toBe(true);
    for (const id of ids) expect((await row(id)).deliveredAt).not.toBeNull();
    expect(await deliverOutbox(s.ds, a)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(5);
    a.close();
    b.close();
  });

  it("R5: a refused attempt is retried after the backoff, and then delivered exactly once", async () => {
    await drain();
    const n = await kiraRequestsNordic();
    const transport = createMailTransport(smtpUrl);
    refuseNext = 1;
    expect(await deliverOutbox(s.ds, transport)).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(received).toHaveLength(0);
    const failed = await row(n.id);
    expect(failed.deliveredAt).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain("451");
    expect(failed.nextAttemptAt!.getTime() - clock.now().getTime()).toBeGreaterThan(backoffMs(1) - 5_000);
    expect(failed.nextAttemptAt!.getTime() - clock.now().getTime()).toBeLessThanOrEqual(backoffMs(1));

    // Not before the backoff has passed.
    expect(await deliverOutbox(s.ds, transport)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(0);

    clock.advance(backoffMs(1) + 1_000);
    expect(await deliverOutbox(s.ds, transport)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(["nora@example.com"]);
    const done = await row(n.id);
    expect(done.deliveredAt).not.toBeNull();
    expect(done.attempts).toBe(1);

    clock.advance(backoffMs(3));
    expect(await deliverOutbox(s.ds, transport)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    transport.close();
  });

  it("R5: after the last refused attempt delivery gives up and marks the message failed", async () => {
    await drain();
    const n = await kiraRequestsNordic();
    const transport = createMailTransport(smtpUrl);
    refuseNext = MAX_ATTEMPTS;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await deliverOutbox(s.ds, transport);
      expect(result).toEqual(
        attempt < MAX_ATTEMPTS ? { sent: 0, retried: 1, failed: 0 } : { sent: 0, retried: 0, failed: 1 },
      );
      clock.advance(backoffMs(attempt) + 1_000);
    }
    const given = await row(n.id);
    expect(given.failedAt).not.toBeNull();
    expect(given.deliveredAt).toBeNull();
    expect(given.attempts).toBe(MAX_ATTEMPTS);
    clock.advance(backoffMs(MAX_ATTEMPTS) * 2);
    expect(await deliverOutbox(s.ds, transport)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(0);
    transport.close();
  });

  it("R5: without SMTP_URL nothing is sent: the email stays in the store's outbox, undelivered", async () => {
    await drain();
    expect(loadConfig({}).smtpUrl).toBeNull();
    const n = await kiraRequestsNordic();
    const nora = await s.as("nora");
    const store = await s.gid("Store", "stores", { domain: "nordic.example.com" });
    const list = must((await nora.data(NOTIFICATIONS, { id: store })).notifications).nodes;
    const shown = list.find((x) => x.id === `gid://latchkey/Notification/${n.id}`);
    expect(shown).toMatchObject({ channel: "EMAIL", recipient: "nora@example.com", deliveredAt: null });
    expect((await row(n.id)).deliveredAt).toBeNull();
    expect(received).toHaveLength(0);
  });

  it("R5: a Latchkey started with SMTP_URL delivers the outbox by itself, and stops cleanly on SIGTERM", async () => {
    received.length = 0;
    const { db, drop } = await migratedDatabase();
    let app: SpawnedLatchkey | undefined;
    try {
      const ds = createDataSource(db);
      await ds.initialize();
      await ds.runMigrations({ transaction: "each" });
      await loadFixture(ds, readFixture());
      await ds.destroy();
      app = await spawnLatchkey(db, { SMTP_URL: smtpUrl });
      const signIn = await new TestClient(app.url).data(SIGN_IN, {
        input: { email: "kira@example.com", password: "password-kira", client: "PARTNER_DASHBOARD" },
      });
      const kira = new TestClient(app.url, must(signIn.signIn).token);
      const arrived = new Promise<Received>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no email within 20 s:\n${app!.output()}`)), 20_000);
        const poll = setInterval(() => {
          if (received.length) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve(received[0]);
          }
        }, 20);
      });
      const me = await kira.data(COLLABORATOR_ACCOUNTS);
      const pendingIds: string[] = (me?.viewer?.collaboratorAccounts ?? [])
        .filter((c) => c.status === "REQUESTED" && c.store.domain === "nordic.example.com")
        .map((c) => c.id);
      for (const id of pendingIds)
        expect(must((await kira.data(WITHDRAW, { id })).collaboratorRequestWithdraw).userErrors).toEqual([]);
      const r = await kira.data(CREATE, {
        input: { storeDomain: "nordic.example.com", requestCode: "1234", permissions: ["orders"] },
      });
      expect(must(r.collaboratorRequestCreate).userErrors).toEqual([]);
      const mail = await arrived;
      expect(mail.to).toEqual(["nora@example.com"]);
      expect(mail.subject).toBe("Koi Commerce requested collaborator access to Nordic");
      app.child.kill("SIGTERM");
      expect((await app.exited).code).toBe(0);
      expect(received).toHaveLength(1);
      const check = createDataSource(db);
      await check.initialize();
      const rows = await check.getRepository(Notification).findBy({ channel: "EMAIL", kind: "collaborator_request" });
      await check.destroy();
      expect(rows).toHaveLength(1);
      expect(rows[0].deliveredAt).not.toBeNull();
    } finally {
      await killLatchkey(app);
      await drop();
    }
  }, 60_000);

  it("API: SMTP_URL must be an smtp:// or smtps:// URL", () => {
    expect(loadConfig({ SMTP_URL: "smtp://mail.example.com:587" }).smtpUrl).toBe("smtp://mail.example.com:587");
    expect(loadConfig({ SMTP_URL: "smtps://u:p@mail.example.com" }).smtpUrl).toBe("smtps://u:p@mail.example.com");
    expect(() => loadConfig({ SMTP_URL: "http://mail.example.com" })).toThrow(ConfigError);
  });
});

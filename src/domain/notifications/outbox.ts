// R5: notifications are recorded in the outbox in the same transaction as the change they tell of,
// written in the recipient's language (issue 13), by one prepared statement (src/db/hot-writes.ts).
import { EntityManager } from "typeorm";
import { clock } from "../../clock";
import { insertNotification } from "../../db/hot-writes";
import type { NotificationChannel } from "./notification.entity";
import { translate, type Locale, type Message } from "../../i18n";

export async function notify(
  tx: EntityManager,
  n: {
    channel: NotificationChannel;
    kind: string;
    recipient: string;
    /** The recipient's language (their preferred language; a store's, its owner's). */
    language: Locale;
    subject: Message;
    body: Message;
    storeId?: number | null;
    userId?: number | null;
  },
) {
  // Subjects are built from names of up to 200 characters each: keep them within their column.
  await insertNotification(tx, {
    channel: n.channel,
    kind: n.kind,
    recipient: n.recipient,
    subject: [...translate(n.language, n.subject)].slice(0, 400).join(""),
    body: translate(n.language, n.body),
    storeId: n.storeId ?? null,
    userId: n.userId ?? null,
    createdAt: clock.now(),
  });
}

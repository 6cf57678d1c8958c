// R5: notifications are recorded in the outbox in the same transaction as the change they tell of.
import { EntityManager } from "typeorm";
import { clock } from "../../clock";
import { Notification, NotificationChannel } from "./notification.entity";

export async function notify(
  tx: EntityManager,
  n: {
    channel: NotificationChannel;
    kind: string;
    recipient: string;
    subject: string;
    body: string;
    storeId?: number | null;
    userId?: number | null;
  },
) {
  return tx.save(
    // Subjects are built from names of up to 200 characters each: keep them within their column.
    tx.create(Notification, {
      ...n,
      subject: [...n.subject].slice(0, 400).join(""),
      storeId: n.storeId ?? null,
      userId: n.userId ?? null,
      createdAt: clock.now(),
      deliveredAt: null,
    }),
  );
}

// Whose language a notification is written in (issue 13): a user's, their preferred language; a
// store's account email and home, its owner's.
import type { EntityManager } from "typeorm";
import { recipientLocale, type Locale } from "../../i18n";
import type { Store } from "../stores/store.entity";
import { User } from "../users/user.entity";

export async function storeLanguage(tx: EntityManager, store: Pick<Store, "ownerId">): Promise<Locale> {
  return recipientLocale(
    await tx.findOne(User, { where: { id: store.ownerId }, select: { id: true, preferredLanguage: true } }),
  );
}

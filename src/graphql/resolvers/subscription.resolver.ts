// Real time (R9): collaboratorRequestReceived(storeId) over graphql-ws, for those who manage the
// store's collaborators. Anyone else is refused with NOT_FOUND, like a missing store, before
// anything is delivered. Each event is re-checked and the row loaded fresh for the subscriber.
import { Authorized, Arg, ID, Resolver, Root, Subscription } from "type-graphql";
import type { RequestContext } from "../../context";
import { StoreUser } from "../../domain/collaborators/store-user.entity";
import { notFound, unauthenticated } from "../../domain/errors";
import { visibleStore } from "../../domain/stores/store.service";
import { Session } from "../../domain/users/session.entity";
import { busOf } from "../../realtime/events";
import type { RealtimeEvent } from "../../realtime/pubsub";
import { idOf } from "../ids";
import { CollaboratorObject } from "../types/collaborator";

/** Events waiting for a slow subscriber; past this the oldest are dropped. */
const MAX_QUEUED = 100;

/** May this context's viewer still manage the store's collaborators (R9)? */
async function mayWatch(ctx: RequestContext, storeId: number): Promise<boolean> {
  const store = await visibleStore(ctx, storeId);
  return !!store && (await ctx.ability(store)).can("manageCollaborators", "Store");
}

/** Forget what this context cached: the next event is judged on fresh rows. */
function refresh(ctx: RequestContext) {
  ctx.invalidateAccess();
  for (const loader of Object.values(ctx.loaders) as { clearAll?: () => unknown }[]) loader.clearAll?.();
}

/** The subscriber's session, still live? (signed out or expired: the stream ends) */
async function sessionLive(ctx: RequestContext): Promise<boolean> {
  const session = await ctx.ds.manager.findOneBy(Session, { id: ctx.requireViewer().session.id });
  return !!session && !session.revokedAt && session.expiresAt.getTime() > ctx.now().getTime();
}

/** The requests of one store, as an async iterator that stops listening when the client leaves. */
function requestsOf(ctx: RequestContext, storeId: number): AsyncIterableIterator<StoreUser> {
  const bus = busOf(ctx.ds);
  const queue: RealtimeEvent[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  const unsubscribe = bus
    ? bus.subscribe((event) => {
        if (done || event.kind !== "collaborator_requested" || event.storeId !== storeId) return;
        queue.push(event);
        if (queue.length > MAX_QUEUED) queue.shift();
        wake?.();
      })
    : () => undefined;
  const finish = () => {
    done = true;
    unsubscribe();
    wake?.();
  };

  const iterator: AsyncIterableIterator<StoreUser> = {
    async next(): Promise<IteratorResult<StoreUser>> {
      while (!done) {
        const event = queue.shift();
        if (!event) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        refresh(ctx);
        if (!(await sessionLive(ctx))) {
          finish();
          break;
        }
        if (!(await mayWatch(ctx, storeId))) continue; // lost R9 since subscribing: nothing delivered
        const row = await ctx.ds.manager.findOneBy(StoreUser, { id: event.collaboratorId, storeId });
        if (row && row.userType === "COLLABORATOR") return { value: row, done: false };
      }
      return { value: undefined, done: true };
    },
    return(): Promise<IteratorResult<StoreUser>> {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error?: unknown): Promise<IteratorResult<StoreUser>> {
      finish();
      // Whatever the consumer threw in goes back to it unchanged.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

@Authorized()
@Resolver()
export class SubscriptionResolver {
  @Subscription(() => CollaboratorObject, {
    nullable: true,
    description:
      "R9: collaborator requests to a store as they arrive (over graphql-ws), for those who manage its collaborators. Refused before anything is delivered: UNAUTHENTICATED without a session, NOT_FOUND for a store the viewer may not manage. Events stop while the viewer loses that right; the stream ends when the session is signed out or expires.",
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      if (!ctx.viewer) throw unauthenticated();
      const storeId = idOf((args as { storeId: string }).storeId, "Store");
      // Checked before anything is delivered: a store one may not manage reads like a missing one.
      if (!(await mayWatch(ctx, storeId))) throw notFound("store");
      return requestsOf(ctx, storeId);
    },
  })
  collaboratorRequestReceived(
    @Arg("storeId", () => ID, { description: "The store to watch." }) _storeId: string,
    @Root() row: StoreUser,
  ): StoreUser {
    return row;
  }
}

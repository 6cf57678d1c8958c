// Real time (R9): collaboratorRequestReceived(storeId) over graphql-ws, for those who manage the
// store's collaborators. Anyone else is refused by the gate before anything is delivered: NOT_FOUND
// for a store they may not see (as for a missing one), ACCESS_DENIED for one they see. Each event
// goes through the gate again, on the row loaded fresh for the subscriber.
import { Authorized, Arg, ID, Resolver, Root, Subscription } from "type-graphql";
import * as gate from "../../authz/gate";
import type { RequestContext } from "../context";
import { StoreUser } from "../../domain/collaborators/store-user.entity";
import { unauthenticated } from "../../domain/errors";
import { Session } from "../../domain/users/session.entity";
import { busOf } from "../../realtime/events";
import type { RealtimeEvent } from "../../realtime/pubsub";
import { idOf } from "../ids";
import { CollaboratorObject } from "../types/collaborator";

/** Events waiting for a slow subscriber; past this the oldest are dropped. */
const MAX_QUEUED = 100;

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
        ctx.startOver(); // each event is judged as of its arrival
        if (!(await sessionLive(ctx))) {
          finish();
          break;
        }
        const row = await ctx.ds.manager.findOneBy(StoreUser, { id: event.collaboratorId, storeId });
        // The gate, for each event: delivered only while the viewer decides on the request (R9);
        // one who lost that right since subscribing receives nothing.
        if (row && row.userType === "COLLABORATOR" && (await gate.may(ctx, "Collaborator", row, "decide")))
          return { value: row, done: false };
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
      "R9: collaborator requests to a store as they arrive (over graphql-ws), for those who manage its collaborators. Refused before anything is delivered: UNAUTHENTICATED without a session, NOT_FOUND for a store the viewer may not see (as for a missing one), ACCESS_DENIED for one they see but whose collaborators they do not manage. Events stop while the viewer loses that right; the stream ends when the session is signed out or expires.",
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      if (!ctx.viewer) throw unauthenticated();
      const storeId = idOf((args as { storeId: string }).storeId, "Store");
      // The gate, before anything is delivered.
      await gate.need(ctx, "Store", storeId, "manageCollaborators");
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

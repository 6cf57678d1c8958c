// Who acts, as the domain services and the access gate see it: the signed-in viewer (if any), the
// database, the clock, the client, the brute-force counters, cached abilities and batched reads.
// The GraphQL layer's RequestContext (src/graphql/context.ts) implements it; nothing here knows of GraphQL.
import type { DataSource, EntityManager } from "typeorm";
import type { Lookups } from "../domain/lookups";
import type { Organization } from "../domain/organizations/organization.entity";
import type { PartnerOrganization } from "../domain/partners/partner-organization.entity";
import type { Store } from "../domain/stores/store.entity";
import type { Session } from "../domain/users/session.entity";
import type { User } from "../domain/users/user.entity";
import type { Throttles } from "../security/throttle";
import type { OrganizationAbility } from "./organization-ability";
import type { PartnerStanding } from "./partner-ability";
import type { StoreStanding } from "./standing";
import type { StoreAbility } from "./store-ability";
import type { Locale } from "../i18n";

export interface Viewer {
  user: User;
  session: Session;
}

/** What the HTTP request says of its client: for device notices (R27) and throttling. */
export interface ClientInfo {
  userAgent: string;
  ip: string;
}

export interface Actor {
  readonly ds: DataSource;
  /** The signed-in user and session; null for an anonymous request. */
  readonly viewer: Viewer | null;
  readonly client: ClientInfo;
  /** The language of the request (decided once: Accept-Language, else the viewer's preferred language, else English). */
  readonly locale: Locale;
  /** Brute-force counters (src/security/throttle.ts). */
  readonly throttles: Throttles;
  /** Batched by-id reads, cached for the actor's request. */
  readonly lookups: Lookups;
  now(): Date;
  /** The viewer, or UNAUTHENTICATED. */
  requireViewer(): Viewer;
  /** The standing and ability of a user (the viewer by default) in a store; built once. */
  access(store: Store, user?: User): Promise<{ standing: StoreStanding; ability: StoreAbility }>;
  ability(store: Store, user?: User): Promise<StoreAbility>;
  /** The viewer's ability in an organization; built once. */
  organizationAbility(organization: Organization): Promise<OrganizationAbility>;
  /** The viewer's membership and ability in a partner organization; built once. */
  partnerStanding(organization: PartnerOrganization): Promise<PartnerStanding>;
  /** Forget cached standings after a write changed them. */
  invalidateAccess(): void;
  /**
   * Runs `work` as one write transaction (src/db/transaction.ts: queued on SQLite, retried on
   * PostgreSQL collisions, so `work` may run more than once and must only read and write through
   * `tx` and clear caches). Resolves after the commit: what must happen only once the write is
   * durable (events, cache invalidation that others rely on) goes after it.
   */
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T>;
}

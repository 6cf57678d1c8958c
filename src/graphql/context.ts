// What every GraphQL request carries: the database, the signed-in viewer, per-request loaders and
// abilities. It is the Actor the domain services and the access gate take (src/authz/actor.ts).
import { DataSource, EntityManager } from "typeorm";
import type { Actor, ClientInfo, Viewer } from "../authz/actor";
import { abilityForOrganization, OrganizationAbility } from "../authz/organization-ability";
import { loadPartnerStanding, PartnerStanding } from "../authz/partner-ability";
import { loadStanding, StoreStanding } from "../authz/standing";
import { abilityForStore, StoreAbility } from "../authz/store-ability";
import { clock } from "../clock";
import { DEFAULT_SESSION_TTL_MS } from "../config";
import { standingThroughCache } from "../db/caches";
import { inTransaction } from "../db/transaction";
import { unauthenticated } from "../domain/errors";
import type { Lookups } from "../domain/lookups";
import type { Organization } from "../domain/organizations/organization.entity";
import type { PartnerOrganization } from "../domain/partners/partner-organization.entity";
import type { Store } from "../domain/stores/store.entity";
import type { User } from "../domain/users/user.entity";
import { defaultThrottles, type Throttles } from "../security/throttle";
import { createLoaders, Loaders } from "./loaders";
import { requestLocale, type Locale } from "../i18n";

export type { ClientInfo, Viewer } from "../authz/actor";

export class RequestContext implements Actor {
  /** The per-request loaders; new ones when a subscription's context starts over (startOver). */
  loaders: Loaders;
  /** The request's language (src/i18n): decided once, here. */
  readonly locale: Locale;
  /** The loaders, as the domain sees them. */
  lookups: Lookups;
  private readonly standings = new Map<string, Promise<{ standing: StoreStanding; ability: StoreAbility }>>();
  private readonly organizationAbilities = new Map<number, Promise<OrganizationAbility>>();
  private readonly partnerStandings = new Map<number, Promise<PartnerStanding>>();

  constructor(
    readonly ds: DataSource,
    readonly viewer: Viewer | null,
    readonly client: ClientInfo = { userAgent: "", ip: "" },
    /** Brute-force counters (src/security/throttle.ts): the server's set; in memory for contexts built elsewhere. */
    readonly throttles: Throttles = defaultThrottles(),
    /** How long a session made in this request lasts (config.sessionTtlMs). */
    readonly sessionTtlMs: number = DEFAULT_SESSION_TTL_MS,
    /** The request's Accept-Language header, if it had one. */
    acceptLanguage: string | null = null,
    /** When the request arrived (performance.now()): what it reads from the caches is true as of then (src/db/caches.ts). */
    public arrivedAt: number = performance.now(),
  ) {
    this.locale = requestLocale(acceptLanguage, viewer?.user.preferredLanguage);
    this.loaders = createLoaders(ds, arrivedAt);
    this.lookups = this.loaders;
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.ds, work);
  }

  now(): Date {
    return clock.now();
  }

  requireViewer(): Viewer {
    if (!this.viewer) throw unauthenticated();
    return this.viewer;
  }

  /** The standing and ability of a user (the viewer by default) in a store; built once per request. */
  async access(store: Store, user: User = this.requireViewer().user) {
    const key = `${user.id}:${store.id}`;
    let entry = this.standings.get(key);
    if (!entry) {
      const now = this.now();
      entry = standingThroughCache(this.ds, user, store, now, this.arrivedAt, () =>
        loadStanding(this.ds.manager, user, store, now),
      ).then((standing) => ({
        standing,
        ability: abilityForStore(standing),
      }));
      this.standings.set(key, entry);
    }
    return entry;
  }

  async ability(store: Store, user?: User): Promise<StoreAbility> {
    return (await this.access(store, user)).ability;
  }

  /** The viewer's ability in an organization; built once per request. */
  organizationAbility(organization: Organization): Promise<OrganizationAbility> {
    let ability = this.organizationAbilities.get(organization.id);
    if (!ability) {
      ability = abilityForOrganization(this.ds.manager, this.requireViewer().user, organization);
      this.organizationAbilities.set(organization.id, ability);
    }
    return ability;
  }

  /** The viewer's membership and ability in a partner organization; built once per request. */
  partnerStanding(organization: PartnerOrganization): Promise<PartnerStanding> {
    let standing = this.partnerStandings.get(organization.id);
    if (!standing) {
      standing = loadPartnerStanding(this.ds.manager, this.requireViewer().user, organization);
      this.partnerStandings.set(organization.id, standing);
    }
    return standing;
  }

  /**
   * A subscription's next event: read as a new request arriving now would read it, with new
   * loaders and abilities, from caches true as of now.
   */
  startOver(): void {
    this.arrivedAt = performance.now();
    this.invalidateAccess();
    this.loaders = createLoaders(this.ds, this.arrivedAt);
    this.lookups = this.loaders;
  }

  /** Forget cached standings after a write changed them. */
  invalidateAccess(): void {
    this.standings.clear();
    this.loaders.standing.clearAll();
    this.organizationAbilities.clear();
    this.partnerStandings.clear();
  }
}

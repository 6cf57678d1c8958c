// What every request carries: the database, the signed-in viewer, per-request loaders and abilities.
import { DataSource } from "typeorm";
import { clock } from "./clock";
import { DEFAULT_SESSION_TTL_MS } from "./config";
import { loadStanding, StoreStanding } from "./authz/standing";
import { abilityForOrganization, OrganizationAbility } from "./authz/organization-ability";
import { loadPartnerStanding, PartnerStanding } from "./authz/partner-ability";
import { abilityForStore, StoreAbility } from "./authz/store-ability";
import { unauthenticated } from "./domain/errors";
import type { Session } from "./domain/users/session.entity";
import type { User } from "./domain/users/user.entity";
import type { Organization } from "./domain/organizations/organization.entity";
import type { PartnerOrganization } from "./domain/partners/partner-organization.entity";
import type { Store } from "./domain/stores/store.entity";
import { createLoaders, Loaders } from "./graphql/loaders";
import { defaultThrottles, type Throttles } from "./security/throttle";

export interface Viewer {
  user: User;
  session: Session;
}

/** What the HTTP request says of its client: for device notices (R27) and throttling. */
export interface ClientInfo {
  userAgent: string;
  ip: string;
}

export class RequestContext {
  readonly loaders: Loaders;
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
  ) {
    this.loaders = createLoaders(ds);
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
      entry = loadStanding(this.ds.manager, user, store, this.now()).then((standing) => ({
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

  /** Forget cached standings after a write changed them. */
  invalidateAccess(): void {
    this.standings.clear();
    this.loaders.standing.clearAll();
    this.organizationAbilities.clear();
    this.partnerStandings.clear();
  }
}

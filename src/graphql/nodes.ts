// node(id): every type resolves through the same visibility as its own query.
import type { RequestContext } from "../context";
import { PartnerMember } from "../domain/partners/partner-member.entity";
import { PartnerReport } from "../domain/partners/partner-report.entity";
import { visibleRole } from "../domain/roles/role.service";
import { visibleStore } from "../domain/stores/store.service";
import { badInput } from "../domain/errors";
import { parseGlobalId } from "./ids";
import { nodeTypeOf } from "./types/node";

async function find(ctx: RequestContext, type: string, id: number): Promise<object | null> {
  const viewer = ctx.requireViewer().user;
  switch (type) {
    case "Store":
      return visibleStore(ctx, id);
    case "User":
      return id === viewer.id ? viewer : null;
    case "Role":
      return visibleRole(ctx, id);
    case "Organization": {
      const org = await ctx.loaders.organization.load(id);
      return org && (await ctx.organizationAbility(org)).can("read", "Organization") ? org : null;
    }
    case "Collaborator":
    case "StoreUser": {
      const row = await ctx.loaders.storeUser.load(id);
      if (!row || (type === "Collaborator" && row.userType !== "COLLABORATOR")) return null;
      if (row.userId === viewer.id) return row;
      const store = await ctx.loaders.store.load(row.storeId);
      return store && (await ctx.ability(store)).can("manageCollaborators", "Store") ? row : null;
    }
    case "PartnerOrganization": {
      const org = await ctx.loaders.partnerOrganization.load(id);
      return org && (await ctx.partnerStanding(org)).ability.can("read", "PartnerOrganization") ? org : null;
    }
    case "PartnerMember": {
      const member = await ctx.ds.manager.findOneBy(PartnerMember, { id });
      const org = member ? await ctx.loaders.partnerOrganization.load(member.partnerOrganizationId) : null;
      return member && org && (await ctx.partnerStanding(org)).ability.can("read", "PartnerOrganization")
        ? member
        : null;
    }
    case "PartnerReport":
      return viewer.platformSupport ? ctx.ds.manager.findOneBy(PartnerReport, { id }) : null;
    default:
      return null;
  }
}

export async function resolveNode(ctx: RequestContext, gid: string): Promise<object | null> {
  const parsed = parseGlobalId(gid);
  if (!parsed) throw badInput(`Not a global id: ${JSON.stringify(gid)}`);
  const found = await find(ctx, parsed.type, parsed.id);
  if (!found) return null;
  // One row can be two types (Collaborator, StoreUser): hand GraphQL a view that knows which.
  const view = Object.create(found) as object;
  nodeTypeOf.set(view, parsed.type);
  return view;
}

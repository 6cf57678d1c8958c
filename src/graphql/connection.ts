// Relay connections with keyset cursors on the primary key: constant cost per page at any depth.
import { ArgsType, ClassType, Field, Int, ObjectType } from "type-graphql";
import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { hydrate } from "../db/hydrate";
import { badInput } from "../domain/errors";
import { words } from "./types/payload-factory";
import { msg } from "../i18n";

export const MAX_PAGE = 250;

@ObjectType({
  simpleResolvers: true,
  description: "Where a page sits in its list: whether more items lie beyond it, and the cursors to reach them.",
})
export class PageInfo {
  @Field(() => Boolean, {
    description: "True when items follow this page (paging backwards: true whenever `before` was given).",
  })
  hasNextPage: boolean;
  @Field(() => Boolean, {
    description: "True when items precede this page (paging forwards: true whenever `after` was given).",
  })
  hasPreviousPage: boolean;
  @Field(() => String, {
    nullable: true,
    description: "The cursor of the page's first item, for `before`; null on an empty page.",
  })
  startCursor: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The cursor of the page's last item, for `after`; null on an empty page.",
  })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page forwards: at most this many items (0 to ${MAX_PAGE}); 50 when neither \`first\` nor \`last\` is given. Give \`first\` or \`last\`, not both (BAD_USER_INPUT).`,
  })
  first?: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Only items after this cursor (an edge's `cursor` or `pageInfo.endCursor`); a malformed cursor is BAD_USER_INPUT.",
  })
  after?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: `Page backwards: the last this many items (0 to ${MAX_PAGE}), before \`before\` when given.`,
  })
  last?: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Only items before this cursor (`pageInfo.startCursor`); without `first`, pages backwards (50 items unless `last` says).",
  })
  before?: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
}

/** `<name>Connection` and `<name>Edge`, described from the name: "One page of a list of collaborators ...". */
export function Connection<T extends object>(name: string, nodeType: () => ClassType<T>) {
  const item = words(name);
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `A ${item} of a page, with its cursor.` })
  class Edge {
    @Field(() => String, {
      description: `This ${item}'s place in the list: pass it as \`after\` or \`before\` to page from here.`,
    })
    cursor: string;
    @Field(nodeType, { description: `The ${item}.` }) node: T;
  }
  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `One page of a list of ${item} items, in id order (oldest first): \`nodes\`, or \`edges\` with their cursors, and \`pageInfo\` to ask for the next page.`,
  })
  class ConnectionType {
    @Field(() => [Edge], { description: `The page's ${item} items with their cursors.` }) edges: Edge[];
    @Field(() => [nodeType()], { description: `The page's ${item} items (the edges' nodes, without cursors).` })
    nodes: T[];
    @Field(() => PageInfo, { description: "Whether more items lie beyond this page, and the cursors to reach them." })
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

const encode = (id: number) => Buffer.from(`c:${id}`).toString("base64url");
function decode(cursor: string): number {
  const m = /^c:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!m) throw badInput(msg("error.notACursor", { cursor: JSON.stringify(cursor) }));
  return Number(m[1]);
}

/** Pages a query by `<alias>.id`; rows map to nodes with `toNode`. */
export function paginate<E extends ObjectLiteral & { id: number }, T = E>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  args: PageArgs,
  toNode: (row: E) => T = (row) => row as unknown as T,
): Promise<Page<T>> {
  return paginateBy(
    async ({ backwards, after, before, limit }) => {
      if (after != null) qb.andWhere(`${alias}.id > :afterId`, { afterId: after });
      if (before != null) qb.andWhere(`${alias}.id < :beforeId`, { beforeId: before });
      const target = qb.expressionMap.mainAlias!.target;
      const raw = await qb
        .orderBy(`${alias}.id`, backwards ? "DESC" : "ASC")
        .limit(limit)
        .getRawMany<Record<string, unknown>>();
      return raw.map((row) => hydrate<E>(qb.connection.manager, target, row, alias));
    },
    args,
    (row) => row.id,
    toNode,
  );
}

/** Where a keyset page reads: after or before an id, in which order, and how many rows (one more than the page). */
export interface KeysetBounds {
  backwards: boolean;
  after: number | null;
  before: number | null;
  limit: number;
}

/**
 * Pages rows read by `read` (in id order, DESC when backwards, within the bounds), as `paginate`
 * pages a query: the same cursors, `first/after` and `last/before`.
 */
export async function paginateBy<R, T>(
  read: (bounds: KeysetBounds) => Promise<R[]>,
  args: PageArgs,
  idOf: (row: R) => number,
  toNode: (row: R) => T,
): Promise<Page<T>> {
  const size = pageSizeOf(args);
  const backwards = isBackwards(args);
  const rows = await read({
    backwards,
    after: args.after ? decode(args.after) : null,
    before: args.before ? decode(args.before) : null,
    limit: size + 1,
  });
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (backwards) page.reverse();
  return pageOf(
    page.map((row) => ({ cursor: encode(idOf(row)), node: toNode(row) })),
    backwards ? !!args.before : more,
    backwards ? more : !!args.after,
  );
}

/** Paging backwards: `last`, or `before` without `first`. */
const isBackwards = (args: Partial<PageArgs>) => args.last != null || (args.before != null && args.first == null);

/** A page from its edges, in order, and whether items follow and precede it. */
function pageOf<T>(edges: { cursor: string; node: T }[], hasNextPage: boolean, hasPreviousPage: boolean): Page<T> {
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `At most this many items (0 to ${MAX_PAGE}); 50 when left out.`,
  })
  first?: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Only items after this cursor (an edge's `cursor` or `pageInfo.endCursor`); a malformed cursor is BAD_USER_INPUT.",
  })
  after?: string | null;
}

/** The page size asked for (`first`, or `last` with `backwards`): 50 when neither; BAD_USER_INPUT outside 0..250. */
export function pageSizeOf(args: Partial<PageArgs>): number {
  for (const k of ["first", "last"] as const) {
    const v = args[k];
    if (v != null && (v < 0 || v > MAX_PAGE))
      throw badInput(msg("error.pageSizeBounds", { argument: k, max: MAX_PAGE }));
  }
  if (args.first != null && args.last != null) throw badInput(msg("error.firstOrLast"));
  return (isBackwards(args) ? args.last : args.first) ?? 50;
}

/** A cursor over a composite key (e.g. a user id and a permission handle), for lists computed in memory. */
export const encodeKey = (parts: readonly (string | number)[]) =>
  Buffer.from(`k:${JSON.stringify(parts)}`).toString("base64url");
export function decodeKey(cursor: string): (string | number)[] {
  const text = Buffer.from(cursor, "base64url").toString();
  try {
    const parts: unknown = text.startsWith("k:") ? JSON.parse(text.slice(2)) : null;
    if (Array.isArray(parts) && parts.every((p) => typeof p === "string" || typeof p === "number")) return parts;
  } catch {
    // not JSON: not a cursor
  }
  throw badInput(msg("error.notACursor", { cursor: JSON.stringify(cursor) }));
}

/** A forward page from the items after `after` (`more`: items follow), each with its cursor. */
export function forwardPage<T>(
  items: readonly T[],
  more: boolean,
  after: string | null | undefined,
  cursorOf: (item: T) => string,
): Page<T> {
  return pageOf(
    items.map((node) => ({ cursor: cursorOf(node), node })),
    more,
    !!after,
  );
}

/**
 * Pages a list computed in memory, in the order of `idOf` (ascending, unique), as `paginate` pages
 * rows: the same cursors, `first/after` and `last/before`.
 */
export function paginateList<T>(items: readonly T[], args: PageArgs, idOf: (item: T) => number): Page<T> {
  const size = pageSizeOf(args);
  const backwards = isBackwards(args);
  const afterId = args.after ? decode(args.after) : null;
  const beforeId = args.before ? decode(args.before) : null;
  const within = [...items]
    .sort((a, b) => idOf(a) - idOf(b))
    .filter((item) => (afterId == null || idOf(item) > afterId) && (beforeId == null || idOf(item) < beforeId));
  const page = backwards ? within.slice(Math.max(0, within.length - size)) : within.slice(0, size);
  const more = within.length > size;
  return pageOf(
    page.map((node) => ({ cursor: encode(idOf(node)), node })),
    backwards ? !!args.before : more,
    backwards ? more : !!args.after,
  );
}

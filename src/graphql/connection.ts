// Relay connections with keyset cursors on the primary key: constant cost per page at any depth.
import { ArgsType, ClassType, Field, Int, ObjectType } from "type-graphql";
import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { hydrate } from "../db/hydrate";
import { badInput } from "../domain/errors";

export const MAX_PAGE = 250;

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean) hasNextPage: boolean;
  @Field(() => Boolean) hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
  @Field(() => Int, { nullable: true }) last?: number | null;
  @Field(() => String, { nullable: true }) before?: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
}

export function Connection<T extends object>(name: string, nodeType: () => ClassType<T>) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String) cursor: string;
    @Field(nodeType) node: T;
  }
  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionType {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => [nodeType()]) nodes: T[];
    @Field(() => PageInfo) pageInfo: PageInfo;
  }
  return ConnectionType;
}

const encode = (id: number) => Buffer.from(`c:${id}`).toString("base64url");
function decode(cursor: string): number {
  const m = /^c:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!m) throw badInput(`Not a cursor: ${JSON.stringify(cursor)}`);
  return Number(m[1]);
}

/** Pages a query by `<alias>.id`; rows map to nodes with `toNode`. */
export async function paginate<E extends ObjectLiteral & { id: number }, T = E>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  args: PageArgs,
  toNode: (row: E) => T = (row) => row as unknown as T,
): Promise<Page<T>> {
  for (const k of ["first", "last"] as const) {
    const v = args[k];
    if (v != null && (v < 0 || v > MAX_PAGE)) throw badInput(`${k} must be between 0 and ${MAX_PAGE}.`);
  }
  if (args.first != null && args.last != null) throw badInput("Give first or last, not both.");
  const backwards = args.last != null || (args.before != null && args.first == null);
  const size = (backwards ? args.last : args.first) ?? 50;
  if (args.after) qb.andWhere(`${alias}.id > :afterId`, { afterId: decode(args.after) });
  if (args.before) qb.andWhere(`${alias}.id < :beforeId`, { beforeId: decode(args.before) });
  const target = qb.expressionMap.mainAlias!.target;
  const raw = await qb
    .orderBy(`${alias}.id`, backwards ? "DESC" : "ASC")
    .limit(size + 1)
    .getRawMany<Record<string, unknown>>();
  const rows = raw.map((row) => hydrate(qb.connection.manager, target, row, alias) as E);
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (backwards) page.reverse();
  const edges = page.map((row) => ({ cursor: encode(row.id), node: toNode(row) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: backwards ? !!args.before : more,
      hasPreviousPage: backwards ? more : !!args.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

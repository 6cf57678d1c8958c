// TypeORM's statements on SQLite as spans (better-sqlite3 has no OpenTelemetry instrumentation):
// a subscriber to TypeORM's query events, added to the data source only while tracing runs
// (createDataSource), so that without tracing TypeORM has nothing more to call. Each statement's
// span starts before it runs and ends after, under the operation's span; values are never put on it.
// On PostgreSQL the pg instrumentation traces the same statements.
import {
  EventSubscriber,
  type AfterQueryEvent,
  type BeforeQueryEvent,
  type EntitySubscriberInterface,
  type QueryRunner,
} from "typeorm";
import type { Span } from "@opentelemetry/api";
import { endSql, startSqlSpan } from "../observability/tracing";

@EventSubscriber()
export class QuerySpans implements EntitySubscriberInterface {
  /** Spans open per query runner: one runner's statements run one after the other. */
  private readonly open = new WeakMap<QueryRunner, (Span | null)[]>();

  beforeQuery(event: BeforeQueryEvent): void {
    let spans = this.open.get(event.queryRunner);
    if (!spans) this.open.set(event.queryRunner, (spans = []));
    spans.push(startSqlSpan(event.query));
  }

  afterQuery(event: AfterQueryEvent): void {
    const span = this.open.get(event.queryRunner)?.shift();
    if (span) endSql(span, event.success ? undefined : (event.error ?? "failed"));
  }
}

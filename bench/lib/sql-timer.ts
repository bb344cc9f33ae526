// Where the time of a service call goes, without touching src/: wraps the executeQuery method of
// the Kysely driver's connection class (every statement, BEGIN and COMMIT included, passes through
// it; on SQLite that includes better-sqlite3's prepare, which the driver calls for every query) and
// instance methods of the services (TypeScript `private` is not private at run time). Bench-only;
// `restore()` puts everything back.
import type { Kysely } from 'kysely';
import { now } from './stats.ts';

export interface Timing {
  ms: number;
  count: number;
}

type Classifier = (sql: string, phase: string | null) => string;

export class CallTimer {
  readonly totals = new Map<string, Timing>();
  /** Set while a wrapped method runs (innermost wins), so statements can be told apart by caller. */
  phase: string | null = null;
  private readonly restores: (() => void)[] = [];

  add(name: string, ms: number): void {
    const t = this.totals.get(name) ?? { ms: 0, count: 0 };
    t.ms += ms;
    t.count += 1;
    this.totals.set(name, t);
  }

  get(name: string): Timing {
    return this.totals.get(name) ?? { ms: 0, count: 0 };
  }

  /** Times every SQL statement the database's connections execute, under the name `classify` gives it. */
  async timeStatements(db: Kysely<any>, classify: Classifier): Promise<void> {
    const proto = await db.getExecutor().provideConnection(async (connection) => Object.getPrototypeOf(connection) as { executeQuery: (q: { sql: string }) => Promise<unknown> });
    const original = proto.executeQuery;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const timer = this;
    proto.executeQuery = async function (this: unknown, query: { sql: string }) {
      const t = now();
      try {
        return await original.call(this, query);
      } finally {
        timer.add(classify(query.sql, timer.phase), now() - t);
      }
    };
    this.restores.push(() => {
      proto.executeQuery = original;
    });
  }

  /** Times an async instance method; while it runs, `phase` is `name`. */
  wrap(target: object, method: string, name: string): void {
    const object = target as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const own = Object.prototype.hasOwnProperty.call(object, method);
    const original = object[method]!;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const timer = this;
    object[method] = async function (this: unknown, ...args: unknown[]) {
      const outer = timer.phase;
      timer.phase = name;
      const t = now();
      try {
        return await original.apply(this, args);
      } finally {
        timer.add(name, now() - t);
        timer.phase = outer;
      }
    };
    this.restores.push(() => {
      if (own) object[method] = original;
      else delete object[method];
    });
  }

  restore(): void {
    for (const undo of this.restores.reverse()) undo();
    this.restores.length = 0;
  }
}

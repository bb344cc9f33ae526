// Signs the audit log's head every interval, so that truncating the tail or rewriting history is
// detectable up to the last checkpoint. A failure is logged and retried next time; it never stops
// the server.
import type { AppContext } from '../services/context.ts';

export const DEFAULT_CHECKPOINT_SECONDS = 300;

/** Interval from JILIANG_AUDIT_CHECKPOINT_SECONDS (default 300 s). */
export function checkpointIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.JILIANG_AUDIT_CHECKPOINT_SECONDS;
  const seconds = raw === undefined || raw === '' ? DEFAULT_CHECKPOINT_SECONDS : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`JILIANG_AUDIT_CHECKPOINT_SECONDS must be a positive number of seconds (got ${raw})`);
  return seconds * 1000;
}

/** Starts the periodic checkpoint; the returned function stops it and waits for a run in progress. */
export function startAuditCheckpoints(ctx: Pick<AppContext, 'audit'>, intervalMs: number): () => Promise<void> {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return; // a slow run is not overlapped by the next tick
    running = ctx.audit
      .checkpoint()
      .then(() => undefined)
      .catch((error: unknown) => {
        process.stderr.write(`audit checkpoint failed: ${error instanceof Error ? error.message : String(error)}\n`);
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

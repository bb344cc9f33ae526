// `jiliang serve --workers N`: N server processes on one port (node:cluster), so the API uses
// every core — on SQLite, readers run in parallel in WAL mode and writers take the write lock in
// turn (transactions begin IMMEDIATE, waiting up to busy_timeout). The primary process migrates
// the database before forking, so workers never race on a migration, and restarts a worker that
// dies. Periodic jobs run in one worker only.
import cluster, { type Worker } from 'node:cluster';

/** Set in the environment of the worker that runs the periodic jobs (audit checkpoints). */
export const JOBS_WORKER_ENV = 'JILIANG_RUNS_JOBS';

export function runsJobs(env: NodeJS.ProcessEnv = process.env): boolean {
  return !cluster.isWorker || env[JOBS_WORKER_ENV] === '1';
}

export function parseWorkers(value: string): number {
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new Error(`invalid number of workers: ${value} (1–64)`);
  return workers;
}

/**
 * In the primary: `prepare` (migrations), then N workers, each re-running this command; returns
 * once they listen. Resolves `false` in a worker, which then serves as a single process would.
 */
export async function startWorkers(workers: number, prepare: () => Promise<void>): Promise<boolean> {
  if (cluster.isWorker) return false;
  await prepare();
  let stopping = false;
  // Installed before the first fork: a stop during start-up stops the workers already started.
  const stop = () => {
    stopping = true;
    const exitWhenAllGone = () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      else cluster.once('exit', exitWhenAllGone);
    };
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    exitWhenAllGone();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // A worker that dies after it listened is replaced; one that dies on start-up fails the start
  // (no restart loop on a bad configuration).
  const fork = (jobs: boolean): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork(jobs ? { [JOBS_WORKER_ENV]: '1' } : {});
      let listening = false;
      worker.once('listening', () => {
        listening = true;
        resolve(worker);
      });
      worker.once('exit', (code, signal) => {
        if (stopping) return resolve(worker);
        if (!listening) return reject(new Error(`a server worker exited while starting (${signal ?? `code ${code}`})`));
        process.stderr.write(`worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another\n`);
        fork(jobs).catch((error: unknown) => process.stderr.write(`${String(error)}\n`));
      });
    });
  try {
    await Promise.all(Array.from({ length: workers }, (_, i) => fork(i === 0)));
  } catch (error) {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    throw error;
  }
  process.stderr.write(`all ${workers} workers are listening\n`);
  return true;
}

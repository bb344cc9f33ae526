import type { Command } from 'commander';
import type { AppContext } from '../../services/context.ts';
import { openContext } from './shared.ts';
import { parseWorkers, runsJobs, startWorkers } from './serve-workers.ts';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** Server processes (node:cluster); 1 serves from this process. */
  readonly workers?: number;
}

/** Listens until SIGINT/SIGTERM, then closes the server and the database. */
export async function serve(ctx: AppContext, options: ServeOptions): Promise<void> {
  const { buildApp } = await import('../../http/app.ts');
  const app = await buildApp(ctx, { logger: process.env.JILIANG_LOG === '1' });
  const { startAuditCheckpoints, checkpointIntervalMs } = await import('../../jobs/audit-checkpoints.ts');
  const checkpointEvery = checkpointIntervalMs();
  // The address actually bound: `--port 0` picks a free port (the same one in every worker).
  const address = await app.listen({ port: options.port, host: options.host });
  // Said once: by the single process, or by the worker that runs the jobs.
  const jobs = runsJobs();
  if (jobs) {
    process.stderr.write(`Jiliang 计量 is serving ${address} (database: ${ctx.dialect}${options.workers && options.workers > 1 ? `, ${options.workers} workers` : ''})\n`);
    if (!(await ctx.accounts.anyUserExists())) process.stderr.write('No accounts yet: create the first administrator with `jiliang admin create --username <name>`.\n');
  }
  const stopCheckpoints = jobs ? startAuditCheckpoints(ctx, checkpointEvery) : async () => undefined;
  const stop = async () => {
    await stopCheckpoints();
    // Sign what was appended since the last checkpoint, so a truncated tail would show.
    if (jobs) await ctx.audit.checkpoint().catch((error: unknown) => process.stderr.write(`final audit checkpoint failed: ${String(error)}\n`));
    await app.close();
    await ctx.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${value}`);
  return port;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API and web UI (migrates the database first)')
    .option('-p, --port <port>', 'port to listen on', parsePort, Number(process.env.PORT ?? 8080))
    .option('--host <host>', 'address to bind', process.env.HOST ?? '127.0.0.1')
    .option('-w, --workers <n>', 'server processes sharing the port (use the cores; default JILIANG_WORKERS or 1)', parseWorkers, parseWorkers(process.env.JILIANG_WORKERS ?? '1'))
    .action(async (options: ServeOptions & { workers: number }, command: Command) => {
      // The primary only migrates and supervises; each worker opens its own connection.
      if (options.workers > 1 && (await startWorkers(options.workers, async () => (await openContext(command)).close()))) return;
      await serve(await openContext(command), options);
    });
}

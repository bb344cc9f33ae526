import type { Command } from 'commander';
import type { AppContext } from '../../services/context.ts';
import { openContext } from './shared.ts';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
}

/** Listens until SIGINT/SIGTERM, then closes the server and the database. */
export async function serve(ctx: AppContext, options: ServeOptions): Promise<void> {
  const { buildApp } = await import('../../http/app.ts');
  const app = await buildApp(ctx, { logger: process.env.JILIANG_LOG === '1' });
  const { startAuditCheckpoints, checkpointIntervalMs } = await import('../../jobs/audit-checkpoints.ts');
  const checkpointEvery = checkpointIntervalMs();
  await app.listen({ port: options.port, host: options.host });
  process.stderr.write(`Jiliang 计量 is serving http://${options.host}:${options.port} (database: ${ctx.dialect})\n`);
  if (!(await ctx.accounts.anyUserExists())) process.stderr.write('No accounts yet: create the first administrator with `jiliang admin create --username <name>`.\n');
  const stopCheckpoints = startAuditCheckpoints(ctx, checkpointEvery);
  const stop = async () => {
    await stopCheckpoints();
    // Sign what was appended since the last checkpoint, so a truncated tail would show.
    await ctx.audit.checkpoint().catch((error: unknown) => process.stderr.write(`final audit checkpoint failed: ${String(error)}\n`));
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
    .action(async (options: ServeOptions, command: Command) => {
      await serve(await openContext(command), options);
    });
}

import type { Command } from 'commander';
import { openContext } from './shared.ts';
import { createProgress } from '../progress.ts';
import { parsePort, serve, type ServeOptions } from './serve.ts';
import { DEMO_PASSWORD } from '../../services/demo/demo-users.ts';

export const DEMO_DATABASE_URL = 'sqlite:./jiliang-data/demo.db';
export const DEMO_KEY_DIR = './jiliang-data/demo-keys';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('create the demo city of Chongqing on SQLite if absent, then serve it')
    .option('-p, --port <port>', 'port to listen on', parsePort, Number(process.env.PORT ?? 8080))
    .option('--host <host>', 'address to bind', process.env.HOST ?? '127.0.0.1')
    .option('--instruments <n>', 'number of instruments to generate', (v) => Number(v), 100_000)
    .option('--no-serve', 'only create the demo database')
    .action(async (options: ServeOptions & { instruments: number; serve: boolean }, command: Command) => {
      // The demo database has its own audit log, hence its own key directory and witness file.
      const ctx = await openContext(command, { databaseUrl: DEMO_DATABASE_URL, keyDir: process.env.JILIANG_KEY_DIR ?? DEMO_KEY_DIR });
      const progress = createProgress('demo city');
      const summary = await ctx.demo.ensure({ instruments: options.instruments, onProgress: progress });
      progress.finish();
      process.stderr.write(`${summary.created ? 'created' : 'found'} demo city: ${summary.organizations.toLocaleString('en-US')} organizations, ${summary.instruments.toLocaleString('en-US')} instruments, ${summary.verifications.toLocaleString('en-US')} verifications\n`);
      const users = summary.accounts.map((a) => `  ${a.username.padEnd(18)} ${a.role}@${a.scope}`).join('\n');
      process.stderr.write(`demo users (password ${DEMO_PASSWORD}):\n${users}\n`);
      if (summary.certificates.issued) process.stderr.write(`demo certificates: ${summary.certificates.issued} issued, ${summary.certificates.amended} amended, ${summary.certificates.revoked} revoked\n`);
      if (options.serve) await serve(ctx, options);
      else await ctx.close();
    });
}

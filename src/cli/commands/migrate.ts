import type { Command } from 'commander';
import { openContext } from './shared.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema and reference data up to date')
    .action(async (_options: unknown, command: Command) => {
      const ctx = await openContext(command);
      process.stdout.write(`database is up to date (${ctx.dialect})\n`);
      await ctx.close();
    });
}

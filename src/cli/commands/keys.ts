// `jiliang keys …`: institutions' certificate signing keys (list, rotate, revoke) for the operator.
import type { Command } from 'commander';
import { cliCaller, openContext } from './shared.ts';

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('certificate signing keys of verification institutions');
  keys
    .command('list')
    .description('published keys with their state (active, retired, revoked)')
    .action(async (_options: unknown, command: Command) => {
      const ctx = await openContext(command);
      try {
        process.stdout.write(`${JSON.stringify(await ctx.signingKeys.list(cliCaller()), null, 2)}\n`);
      } finally {
        await ctx.close();
      }
    });
  keys
    .command('rotate')
    .description('give an institution a new signing key; the old public key stays published and verifiable')
    .requiredOption('--institution <id>', 'organization id of the verification institute', (v) => Number(v))
    .action(async (options: { institution: number }, command: Command) => {
      const ctx = await openContext(command);
      try {
        process.stdout.write(`${JSON.stringify(await ctx.signingKeys.rotate(cliCaller(), options.institution), null, 2)}\n`);
      } finally {
        await ctx.close();
      }
    });
  keys
    .command('revoke')
    .description('revoke a key: every certificate it signed fails verification from now on')
    .argument('<kid>', 'key id (16 hex digits)')
    .requiredOption('--reason <text>', 'why (recorded and published)')
    .action(async (kid: string, options: { reason: string }, command: Command) => {
      const ctx = await openContext(command);
      try {
        process.stdout.write(`${JSON.stringify(await ctx.signingKeys.revoke(cliCaller(), kid, { reason: options.reason }), null, 2)}\n`);
      } finally {
        await ctx.close();
      }
    });
}

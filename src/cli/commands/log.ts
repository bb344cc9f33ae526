// `jiliang log …`: auditor tools for the certificate transparency log. A command group, so that
// further subcommands (`log verify`) attach to the Command registerLog returns or are added here.
// `log check-proof` needs nothing but the pure Merkle code: no database, no keys; that code is
// imported only when the command runs, so `jiliang --help` does not load it.
import type { Command } from 'commander';
import { readJson } from '../read-json.ts';
import { openContext } from './shared.ts';

export function registerLog(program: Command): Command {
  const log = program.command('log').description('audit the certificate transparency log (RFC 6962 Merkle proofs, signed checkpoints)');
  log
    .command('check-proof')
    .description('verify one inclusion or consistency proof given as JSON (exit 0 valid, 1 invalid, 2 unreadable); prints the verdict as JSON')
    .argument('<file>', 'proof JSON: {leafIdx, treeSize, leafHash, root, proof} or {size1, size2, root1, root2, proof}, hashes in base64; "-" for stdin')
    .action(async (file: string) => {
      const { checkProof, parseProofJson } = await import('../../domain/transparency/proof-json.ts');
      const verdict = checkProof(parseProofJson(readJson(file)));
      process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
      if (!verdict.valid) process.exitCode = 1;
    });
  log
    .command('verify')
    .description('recompute every leaf from the stored certificates and every checkpoint\'s root and signature (exit 0 intact, 1 mismatch)')
    .action(async (_options: unknown, command: Command) => {
      const ctx = await openContext(command);
      try {
        const verdict = await ctx.certificates.log.verify();
        process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
        if (!verdict.ok) process.exitCode = 1;
      } finally {
        await ctx.close();
      }
    });
  return log;
}

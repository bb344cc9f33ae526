// `jiliang audit verify` recomputes the hash chain and checks the signed checkpoints (exit 0 when
// intact, 1 when anything was altered); `jiliang audit checkpoint` signs the current head now.
import type { Command } from 'commander';
import type { AuditVerdict } from '../../domain/audit/audit-problem.ts';
import { openContext } from './shared.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function formatVerdict(v: AuditVerdict): string {
  const counts = `${plural(v.entries, 'entry', 'entries')} (last seq ${v.lastSeq}), ${plural(v.checkpoints, 'checkpoint', 'checkpoints')} (${v.witnessed} in the witness file)`;
  if (v.ok) return `audit log intact: ${counts}\n`;
  const total = v.problems.length + v.problemsOmitted;
  const lines = v.problems.map((p) => `  ${p.seq === null ? '-' : `seq ${p.seq}`}\t${p.kind}\t${p.message}`);
  if (v.problemsOmitted) lines.push(`  … and ${v.problemsOmitted} more`);
  return `audit log NOT intact: ${plural(total, 'problem', 'problems')} in ${counts}\n${lines.join('\n')}\n`;
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('verify the tamper-evident audit log');
  audit
    .command('verify')
    .description('recompute the hash chain and check the signed checkpoints (exit 0 intact, 1 tampered)')
    .option('--json', 'print the verdict as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const ctx = await openContext(command);
      try {
        const verdict = await ctx.audit.verify();
        process.stdout.write(options.json ? `${JSON.stringify(verdict, null, 2)}\n` : formatVerdict(verdict));
        if (!verdict.ok) process.exitCode = 1;
      } finally {
        await ctx.close();
      }
    });
  audit
    .command('checkpoint')
    .description('sign the current head of the log now (prints the checkpoint JSON, or null when nothing is new)')
    .action(async (_options: unknown, command: Command) => {
      const ctx = await openContext(command);
      try {
        const checkpoint = await ctx.audit.checkpoint();
        process.stdout.write(`${JSON.stringify(checkpoint)}\n`);
        if (!checkpoint) process.stderr.write('nothing appended since the last checkpoint\n');
      } finally {
        await ctx.close();
      }
    });
}

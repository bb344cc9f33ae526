import { writeFileSync } from 'node:fs';
import { Argument, Option, type Command } from 'commander';
import { cliCaller, openContext } from './shared.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export the instrument list (filters as in the API) to .xlsx or .csv')
    .addArgument(new Argument('<what>', 'what to export').choices(['instruments']))
    .requiredOption('-o, --out <file>', 'output file (.xlsx or .csv)')
    .addOption(new Option('--format <format>', 'file format (default: from the file name)').choices(['xlsx', 'csv']))
    .option('--district <code>', 'district code')
    .option('--category <code>', 'category code')
    .option('--status <status>', 'registered | in_use | suspended | scrapped')
    .option('--due-state <state>', 'valid | due_soon | overdue | not_applicable')
    .action(async (_what: string, options: { out: string; format?: 'xlsx' | 'csv'; district?: string; category?: string; status?: string; dueState?: string }, command: Command) => {
      const format = options.format ?? (options.out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');
      const query = Object.fromEntries(
        Object.entries({ districtCode: options.district, categoryCode: options.category, status: options.status, dueState: options.dueState }).filter(([, v]) => v !== undefined),
      );
      const ctx = await openContext(command);
      try {
        writeFileSync(options.out, await ctx.exports.instrumentList(cliCaller(), query, format));
        process.stderr.write(`wrote ${options.out}\n`);
      } finally {
        await ctx.close();
      }
    });
}

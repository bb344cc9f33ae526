import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Argument, type Command } from 'commander';
import { IMPORT_KINDS, type ImportKind } from '../../services/import/templates.ts';
import { cliCaller, openContext } from './shared.ts';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('bulk registration from an .xlsx or .csv template; prints the row-by-row report as JSON')
    .addArgument(new Argument('<kind>', 'what the file holds').choices(IMPORT_KINDS))
    .argument('<file>', '.xlsx or .csv file')
    .option('--valid-only', 'write the valid rows even when other rows have errors (default: write nothing)')
    .option('--dry-run', 'check the file without writing')
    .action(async (kind: ImportKind, file: string, options: { validOnly?: boolean; dryRun?: boolean }, command: Command) => {
      const format = extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx';
      const ctx = await openContext(command);
      try {
        const report = await ctx.imports.import(cliCaller(), kind, readFileSync(file), { format, mode: options.validOnly ? 'valid-only' : 'all', dryRun: options.dryRun ?? false });
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } finally {
        await ctx.close();
      }
    });
}

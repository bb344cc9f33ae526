import { readFileSync, writeFileSync } from 'node:fs';
import { Argument, type Command } from 'commander';
import { AppError } from '../../domain/errors.ts';
import { METROLOGY_KINDS, MetrologyService, type MetrologyKind } from '../../services/metrology-service.ts';

function readInput(file: string | undefined): unknown {
  const text = readFileSync(file ?? 0, 'utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('JL_ERR_MALFORMED_BODY');
  }
}

export function registerMetrology(program: Command): void {
  program
    .command('metrology')
    .description('run a metrology calculation: JSON in (file or stdin), JSON out; invalid input exits 2 with a problem JSON')
    .addArgument(new Argument('<kind>', 'calculation').choices(METROLOGY_KINDS))
    .argument('[file]', 'input JSON file (default: stdin)')
    .option('--xlsx <out.xlsx>', 'also write the result as an Excel workbook')
    .option('--pdf <out.pdf>', 'also write the result as a PDF report')
    .action(async (kind: MetrologyKind, file: string | undefined, options: { xlsx?: string; pdf?: string }) => {
      const service = new MetrologyService();
      const input = readInput(file);
      const result = service.calculate(kind, input);
      if (options.xlsx) writeFileSync(options.xlsx, await service.report(kind, input, result));
      if (options.pdf) writeFileSync(options.pdf, await service.reportPdf(kind, input, result));
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    });
}

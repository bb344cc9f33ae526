// `jiliang log …`: auditor tools for the certificate transparency log. A command group, so that
// further subcommands (`log verify`) attach to the Command registerLog returns or are added here.
// `log check-proof` needs nothing but the pure Merkle code: no database, no keys; that code is
// imported only when the command runs, so `jiliang --help` does not load it.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../domain/errors.ts';

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
  return log;
}

function readJson(file: string): unknown {
  const name = file === '-' ? 'stdin' : file;
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new AppError('JL_ERR_UNREADABLE_INPUT', [], { zh: `无法读取 ${name}（${reason}）`, en: `Cannot read ${name} (${reason})` });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('JL_ERR_MALFORMED_BODY', [], { zh: `${name} 不是合法的 JSON`, en: `${name} is not valid JSON` });
  }
}

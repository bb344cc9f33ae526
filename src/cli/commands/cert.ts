// `jiliang cert verify` (a scanned QR text, offline with a key set and a revocation list, or
// online against a server), `jiliang cert export` (PDF or DCC XML of a certificate) and
// `jiliang cert labels` (the sticker-label sheet of an institution's day of work).
import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { AppError } from '../../domain/errors.ts';
import { readJson } from '../read-json.ts';
import { cliCaller, openContext } from './shared.ts';

interface VerifyOptions {
  readonly keys?: string;
  readonly revocations?: string;
  readonly online?: string;
}

async function fetchJson(url: string): Promise<{ status: number; body: unknown }> {
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    return { status: response.status, body: await response.json() };
  } catch (error) {
    throw new AppError('JL_ERR_UNREADABLE_INPUT', [], { zh: `无法访问 ${url}（${String(error)}）`, en: `Cannot reach ${url} (${String(error)})` });
  }
}

async function verify(qrText: string, options: VerifyOptions, command: Command): Promise<void> {
  const { verifyQrToken } = await import('../../domain/certificates/qr-token/node.ts');
  const { qrKeysFromKeySet, checkedRevocationList } = await import('../../domain/certificates/published-keys.ts');
  const { certificateVerdict } = await import('../../domain/certificates/certificate-verdict.ts');
  const { shanghaiDate } = await import('../../domain/common/dates.ts');
  type KeySet = import('../../domain/certificates/published-keys.ts').PublishedKeySet;
  type SignedList = import('../../domain/certificates/revocation-list.ts').SignedRevocationList;

  const online = options.online?.replace(/\/+$/, '');
  // Keys and revocations: from files, from the server, or from this machine's database.
  let keySet: KeySet;
  let signedList: SignedList | null = null;
  if (options.keys) keySet = readJson(options.keys) as KeySet;
  else if (online) keySet = (await fetchJson(`${online}/.well-known/jiliang-keys.json`)).body as KeySet;
  else {
    const ctx = await openContext(command);
    try {
      keySet = (await ctx.certificates.keySet()) as KeySet;
      if (!options.revocations) signedList = await ctx.certificates.revocationList();
    } finally {
      await ctx.close();
    }
  }
  if (options.revocations) signedList = readJson(options.revocations) as SignedList;

  const signature = await verifyQrToken(qrText.trim(), qrKeysFromKeySet(keySet));
  let evidence: Parameters<typeof certificateVerdict>[1] = { list: signedList ? checkedRevocationList(signedList, keySet) : null };
  if (online && signature.ok) {
    const { status, body } = await fetchJson(`${online}/api/v1/public/certificates/${encodeURIComponent(signature.claims.certificateNo)}`);
    if (status === 200) {
      const view = body as { status: 'valid' | 'expired' | 'revoked' | 'superseded'; version: number; statusAsOf: string };
      evidence = { ...evidence, online: { status: view.status, version: view.version, asOf: view.statusAsOf } };
    }
  }
  const verdict = certificateVerdict(signature, evidence, shanghaiDate());
  process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
  if (!verdict.valid) process.exitCode = 1;
}

export function registerCert(program: Command): void {
  const cert = program.command('cert').description('certificates: verify a QR text, export PDF or DCC, print label sheets');
  cert
    .command('verify')
    .description('verify a certificate\'s QR text; prints a JSON verdict, exit 0 when valid, 1 when not')
    .argument('<qr-text>', 'the scanned text: JL1:… or the verification URL with it after #')
    .option('--keys <file>', 'published key set (/.well-known/jiliang-keys.json); default: --online or this database')
    .addOption(new Option('--revocations <file>', 'signed revocation list (/api/v1/public/revocations) for an offline check').conflicts('online'))
    .option('--online <url>', 'ask this server for keys and the certificate\'s current status')
    .action(async (qrText: string, options: VerifyOptions, command: Command) => verify(qrText, options, command));
  cert
    .command('export')
    .description('write a certificate as PDF (A4, JJF 1002 layout) or PTB DCC 3.2.0 XML')
    .argument('<certificate-no>', 'J… or T… number')
    .addOption(new Option('--format <format>', 'pdf or dcc').choices(['pdf', 'dcc']).makeOptionMandatory())
    .option('--out <file>', 'output file (default: <number>.pdf or .xml)')
    .action(async (certificateNo: string, options: { format: 'pdf' | 'dcc'; out?: string }, command: Command) => {
      const ctx = await openContext(command);
      try {
        const out = options.out ?? `${certificateNo}.${options.format === 'pdf' ? 'pdf' : 'xml'}`;
        writeFileSync(out, options.format === 'pdf' ? await ctx.certificates.pdf(certificateNo) : await ctx.certificates.dcc(certificateNo));
        process.stderr.write(`wrote ${out}\n`);
      } finally {
        await ctx.close();
      }
    });
  cert
    .command('labels')
    .description('write the sticker-label sheet (A4 PDF, 3 × 8) of an institution\'s certificates for verifications on one date')
    .requiredOption('--institution <id>', 'the institution\'s organization id', (v: string) => {
      if (!/^[1-9]\d*$/.test(v)) throw new InvalidArgumentError('a positive whole number');
      return Number(v);
    })
    .requiredOption('--date <YYYY-MM-DD>', 'the verification date')
    .option('--out <file>', 'output file (default: labels-<id>-<date>.pdf)')
    .action(async (options: { institution: number; date: string; out?: string }, command: Command) => {
      const ctx = await openContext(command);
      try {
        const out = options.out ?? `labels-${options.institution}-${options.date}.pdf`;
        writeFileSync(out, await ctx.certificates.labelSheet(cliCaller(), options.institution, options.date));
        process.stderr.write(`wrote ${out}\n`);
      } finally {
        await ctx.close();
      }
    });
}

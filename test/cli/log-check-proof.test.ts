// `jiliang log check-proof`, run as an auditor would, over every Merkle proof vector in
// ../shared/testdata/merkle: exit 0 for the valid ones, 1 for every tampered (wantErr) one, 2 when
// the input cannot be read. No database is involved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runJiliang } from '../support/cli.ts';

const VECTORS = fileURLToPath(new URL('../../../shared/testdata/merkle/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jiliang-log-cli-'));
// A database that must never be opened: check-proof is pure computation.
const env = { DATABASE_URL: 'sqlite:/nonexistent/should-not-be-used.db' };

const jiliang = (...args: string[]) => runJiliang(args, { env });

/** Runs `task` over `items`, a few processes at a time (each one boots the CLI through tsx). */
async function pool<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(items.length, Math.max(2, availableParallelism())) }, worker));
  return results;
}

const vectorFiles = ['inclusion', 'consistency'].flatMap((kind) =>
  readdirSync(join(VECTORS, kind)).flatMap((sub) =>
    readdirSync(join(VECTORS, kind, sub)).filter((f) => f.endsWith('.json')).map((f) => join(VECTORS, kind, sub, f))));

test('check-proof exits 0 on every valid vector and 1 on every wantErr vector, printing a JSON verdict', async () => {
  assert.equal(vectorFiles.length, 96);
  const outcomes = await pool(vectorFiles, (file) => jiliang('log', 'check-proof', file));
  const wrong: string[] = [];
  vectorFiles.forEach((file, i) => {
    const vector = JSON.parse(readFileSync(file, 'utf8')) as { wantErr: boolean };
    const outcome = outcomes[i]!;
    const want = vector.wantErr ? 1 : 0;
    if (outcome.code !== want) {
      wrong.push(`${relative(VECTORS, file)}: exit ${outcome.code}, want ${want} ${outcome.stderr}`);
      return;
    }
    const verdict = JSON.parse(outcome.stdout) as { valid: boolean; kind: string; reason?: string };
    const kind = relative(VECTORS, file).split(/[\\/]/)[0];
    if (verdict.valid !== !vector.wantErr || verdict.kind !== kind || (vector.wantErr && !verdict.reason)) {
      wrong.push(`${relative(VECTORS, file)}: verdict ${outcome.stdout}`);
    }
  });
  assert.deepEqual(wrong, []);
});

test('check-proof exits 2 with a problem document when the input cannot be read', async () => {
  const missing = await jiliang('log', 'check-proof', join(dir, 'missing.json'));
  assert.equal(missing.code, 2);
  assert.equal(JSON.parse(missing.stderr).code, 'JL_ERR_UNREADABLE_INPUT');
  assert.equal(missing.stdout, '');

  const notJson = join(dir, 'not.json');
  writeFileSync(notJson, 'leafIdx: 0');
  const malformed = await jiliang('log', 'check-proof', notJson);
  assert.equal(malformed.code, 2);
  assert.equal(JSON.parse(malformed.stderr).code, 'JL_ERR_MALFORMED_BODY');

  const neither = join(dir, 'neither.json');
  writeFileSync(neither, JSON.stringify({ hello: 'world' }));
  const shapeless = await jiliang('log', 'check-proof', neither);
  assert.equal(shapeless.code, 2);
  assert.equal(JSON.parse(shapeless.stderr).code, 'JL_ERR_VALIDATION');

  const badBase64 = join(dir, 'bad-base64.json');
  writeFileSync(badBase64, JSON.stringify({ leafIdx: 0, treeSize: 1, leafHash: 'bjQL-not-base64', root: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=', proof: [] }));
  const invalidField = await jiliang('log', 'check-proof', badBase64);
  assert.equal(invalidField.code, 2);
  assert.deepEqual(JSON.parse(invalidField.stderr).errors.map((e: { pointer: string }) => e.pointer), ['/leafHash']);
});

test('log is a command group with check-proof in its help', async () => {
  const help = await jiliang('log', '--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /check-proof <file>/);
  assert.match((await jiliang('--help')).stdout, /\blog\b/);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

// The jiliang command, run as a user would: a separate process on a temporary SQLite file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { USCC } from '../support/fixtures.ts';
import { runJiliang } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'jiliang-cli-'));
const env = { DATABASE_URL: `sqlite:${join(dir, 'cli.db')}` };

const jiliang = (...args: string[]) => runJiliang(args, { env });

test('every command has --help', async () => {
  const top = await jiliang('--help');
  assert.equal(top.code, 0);
  for (const command of ['serve', 'demo', 'migrate', 'import', 'export']) {
    assert.match(top.stdout, new RegExp(`\\b${command}\\b`));
    const help = await jiliang(command, '--help');
    assert.equal(help.code, 0, command);
    assert.match(help.stdout, /Usage: jiliang/);
  }
});

test('migrate, import organizations and instruments, export', async () => {
  assert.equal((await jiliang('migrate')).code, 0);
  const orgs = join(dir, 'orgs.csv');
  writeFileSync(orgs, `uscc,name,districtCode,roles\n${USCC.market},示例市场,500103,使用单位\n`);
  const imported = await jiliang('import', 'organizations', orgs);
  assert.equal(imported.code, 0, imported.stderr);
  assert.equal(JSON.parse(imported.stdout).written, 1);

  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, `categoryCode,manufacturer,model,serialNo,ownerUscc,districtCode,useDomain\nPRICE_SCALE,m,x,S-1,${USCC.market},500103,TRADE\nPRICE_SCALE,m,x,S-2,${USCC.invalid},500103,TRADE\n`);
  const rejected = await jiliang('import', 'instruments', bad);
  assert.equal(rejected.code, 2);
  const problem = JSON.parse(rejected.stderr);
  assert.equal(problem.code, 'JL_ERR_IMPORT_HAS_ERRORS');
  assert.equal(problem.report.rows[0].row, 3);

  const partial = await jiliang('import', 'instruments', bad, '--valid-only');
  assert.equal(partial.code, 0, partial.stderr);
  assert.equal(JSON.parse(partial.stdout).written, 1);

  const out = join(dir, 'out.csv');
  const exported = await jiliang('export', 'instruments', '--out', out, '--district', '500103');
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(readFileSync(out, 'utf8'), /S-1/);
});

test('unknown commands and bad arguments fail with a message', async () => {
  const unknown = await jiliang('frobnicate');
  assert.notEqual(unknown.code, 0);
  const badKind = await jiliang('import', 'cats', 'x.csv');
  assert.notEqual(badKind.code, 0);
  assert.match(badKind.stderr, /Allowed choices are instruments, organizations/);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

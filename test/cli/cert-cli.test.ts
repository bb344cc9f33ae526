// `jiliang cert verify` offline (key set and revocation list files, or this database) and online
// (a listening server), `cert export`, and `log verify` — as an inspector or auditor runs them.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, type AppContext } from '../../src/services/context.ts';
import { buildApp } from '../../src/http/app.ts';
import { instrumentInput, seedOrganizations, verificationInput } from '../support/fixtures.ts';
import { SYSTEM } from '../support/dialects.ts';
import { runJiliang } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'jiliang-cert-cli-'));
const database = `sqlite:${join(dir, 'cert.db')}`;
const keyDir = join(dir, 'keys');
const env = { JILIANG_KEY_DIR: keyDir, DATABASE_URL: 'sqlite:/nonexistent/should-not-be-used.db' };

const jiliang = (...args: string[]) => runJiliang(['--database', database, ...args], { env });

let ctx: AppContext;
let certificateNo = '';
after(async () => ctx?.close());

test('a valid certificate verifies offline and online; after revocation both say revoked; tampering is invalid', async () => {
  ctx = await createContext({ databaseUrl: database, keyDir });
  const orgs = await seedOrganizations(ctx);
  const instrument = await ctx.instruments.register(SYSTEM, instrumentInput(orgs.ownerId));
  const verification = await ctx.verifications.record(SYSTEM, instrument.id, verificationInput(orgs.institutionId));
  const issued = await ctx.certificates.issue(SYSTEM, verification.id);
  certificateNo = issued.certificateNo;
  const keysFile = join(dir, 'keys.json');
  const listBefore = join(dir, 'revocations-before.json');
  writeFileSync(keysFile, JSON.stringify(await ctx.certificates.keySet()));
  writeFileSync(listBefore, JSON.stringify(await ctx.certificates.revocationList()));

  const app = await buildApp(ctx, { webRoot: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  try {
    const offline = await jiliang('cert', 'verify', issued.qr, '--keys', keysFile, '--revocations', listBefore);
    assert.equal(offline.code, 0, offline.stdout + offline.stderr);
    const verdict = JSON.parse(offline.stdout);
    assert.equal(verdict.status, 'valid');
    assert.equal(verdict.certificate.certificateNo, issued.certificateNo);
    assert.equal(verdict.revocation.source, 'list');

    const onlineValid = await jiliang('cert', 'verify', issued.qr, '--online', url);
    assert.equal(onlineValid.code, 0, onlineValid.stdout + onlineValid.stderr);
    assert.equal(JSON.parse(onlineValid.stdout).revocation.source, 'online');

    await ctx.certificates.revoke(SYSTEM, issued.certificateNo, { reason: '检定数据有误' });
    const onlineRevoked = await jiliang('cert', 'verify', issued.qr, '--online', url);
    assert.equal(onlineRevoked.code, 1);
    assert.equal(JSON.parse(onlineRevoked.stdout).status, 'revoked');

    // Offline with the old list it still looks valid (as of that list); a refreshed list says revoked.
    assert.equal((await jiliang('cert', 'verify', issued.qr, '--keys', keysFile, '--revocations', listBefore)).code, 0);
    const listAfter = join(dir, 'revocations-after.json');
    writeFileSync(listAfter, JSON.stringify(await (await fetch(`${url}/api/v1/public/revocations`)).json()));
    const offlineRevoked = await jiliang('cert', 'verify', issued.qr, '--keys', keysFile, '--revocations', listAfter);
    assert.equal(offlineRevoked.code, 1);
    assert.equal(JSON.parse(offlineRevoked.stdout).status, 'revoked');

    // A list whose signature does not check is no evidence: unknown, not valid.
    const forged = JSON.parse(readFileSync(listAfter, 'utf8'));
    forged.list.certificates = [];
    writeFileSync(join(dir, 'forged.json'), JSON.stringify(forged));
    const unknown = await jiliang('cert', 'verify', issued.qr, '--keys', keysFile, '--revocations', join(dir, 'forged.json'));
    assert.equal(unknown.code, 1);
    assert.equal(JSON.parse(unknown.stdout).status, 'unknown');

    // One character changed in the token: not genuine.
    const token = issued.qr.slice(issued.qr.indexOf('#') + 1);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    const tampered = await jiliang('cert', 'verify', `${token.slice(0, -1)}${last}`, '--keys', keysFile, '--revocations', listBefore);
    assert.equal(tampered.code, 1);
    assert.equal(JSON.parse(tampered.stdout).status, 'invalid');
  } finally {
    await app.close();
  }
});

test('cert export writes the PDF and the DCC; log verify checks the log', async () => {
  const no = certificateNo;
  const pdf = join(dir, 'c.pdf');
  const xml = join(dir, 'c.xml');
  assert.equal((await jiliang('cert', 'export', no, '--format', 'pdf', '--out', pdf)).code, 0);
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
  assert.equal((await jiliang('cert', 'export', no, '--format', 'dcc', '--out', xml)).code, 0);
  assert.match(readFileSync(xml, 'utf8'), /<dcc:digitalCalibrationCertificate/);
  const verified = await jiliang('log', 'verify');
  assert.equal(verified.code, 0, verified.stdout + verified.stderr);
  assert.equal(JSON.parse(verified.stdout).leaves, 1);
});

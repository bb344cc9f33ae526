// Certificates end to end in the service layer: issue from a verification, the signed QR token,
// the transparency log and its proofs, amend, revoke, the signed revocation list; and the summary
// of each verification's certificate that the instrument detail carries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { KyselyPlugin } from 'kysely';
import { describeEachDialect, SYSTEM, TEST_NOW } from '../support/dialects.ts';
import { instrumentInput, seedOrganizations, verificationInput } from '../support/fixtures.ts';
import { verifyQrToken, qrKeysFromPublicKeys } from '../../src/domain/certificates/qr-token/node.ts';
import { verifyInclusion } from '../../src/domain/transparency/inclusion-proof.ts';
import { verifyConsistency } from '../../src/domain/transparency/consistency-proof.ts';
import { verifyCheckpoint } from '../../src/domain/transparency/checkpoint.ts';
import { parseVerifierKey } from '../../src/domain/transparency/signed-note.ts';
import { fromBase64 } from '../../src/domain/transparency/base64.ts';
import { leafHash } from '../../src/domain/transparency/hash.ts';
import { revocationListSignatureValid } from '../../src/domain/certificates/revocation-list.ts';
import { ed25519PublicKeyFromRaw } from '../../src/domain/certificates/qr-token/node.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { AppContext } from '../../src/services/context.ts';
import { fixedClock, type Clock } from '../../src/services/clock.ts';
import { InstrumentService } from '../../src/services/instrument-service.ts';

async function keysOf(ctx: AppContext) {
  const set = await ctx.certificates.keySet();
  return qrKeysFromPublicKeys(
    set.certificateKeys.map((k) => ({ keyId: k.kid, publicKey: ed25519PublicKeyFromRaw(Buffer.from(k.publicKey, 'base64url')) })),
    set.certificateKeys.filter((k) => k.status === 'revoked').map((k) => k.kid),
  );
}

describeEachDialect('certificates', (ctx) => {
  let institutionId = 0;
  let passNo = '';
  let failNo = '';

  test('a passed verification issues a signed 检定证书, a failed one a 检定结果通知书', async () => {
    const orgs = await seedOrganizations(ctx());
    institutionId = orgs.institutionId;
    const a = await ctx().instruments.register(SYSTEM, instrumentInput(orgs.ownerId, { serialNo: 'C-1' }));
    const b = await ctx().instruments.register(SYSTEM, instrumentInput(orgs.ownerId, { serialNo: 'C-2' }));
    const passed = await ctx().verifications.record(SYSTEM, a.id, verificationInput(institutionId));
    const failed = await ctx().verifications.record(SYSTEM, b.id, verificationInput(institutionId, { conclusion: 'fail', items: [{ name: 'x', error: 12, mpe: 10 }] }));
    const certificate = await ctx().certificates.issue(SYSTEM, passed.id);
    const notice = await ctx().certificates.issue(SYSTEM, failed.id);
    passNo = certificate.certificateNo;
    failNo = notice.certificateNo;
    assert.equal(certificate.kind, 'certificate');
    assert.equal(certificate.status, 'valid');
    assert.equal(notice.kind, 'result_notice');
    assert.deepEqual([certificate.log.index, notice.log.index], [0, 1]);
    assert.match(certificate.qr, /^http:\/\/127\.0\.0\.1:8080\/v#JL1:[0-9A-Z $%*+\-./:]+$/);

    const verdict = await verifyQrToken(certificate.qr, await keysOf(ctx()));
    assert.ok(verdict.ok, JSON.stringify(verdict));
    assert.equal(verdict.claims.certificateNo, passNo);
    assert.equal(verdict.claims.owner.name, '重庆市渝中区示例农贸市场有限公司');
    // The public view carries no personal data: no signatory names.
    assert.doesNotMatch(JSON.stringify(certificate), /王检定|李核验|赵批准/);
  });

  test('issuing twice for one verification is refused and writes nothing', async () => {
    const before = await ctx().certificates.log.size();
    const again = await ctx().certificates.issue(SYSTEM, (await ctx().certificates.get(SYSTEM, passNo)).verificationId).catch((e) => e);
    assert.ok(again instanceof AppError);
    assert.equal(again.code, 'JL_ERR_INVALID_TRANSITION');
    assert.equal(await ctx().certificates.log.size(), before);
  });

  test('the inclusion proof of each version checks against a signed checkpoint; consistency between sizes', async () => {
    const note = await ctx().certificates.log.latestCheckpoint();
    const { log } = await ctx().certificates.keySet();
    const checked = verifyCheckpoint(note, { origin: log.origin, verifiers: [parseVerifierKey(log.verifierKey)] });
    assert.ok(checked.ok, JSON.stringify(checked));
    assert.equal(checked.checkpoint.size, 2);
    for (const no of [passNo, failNo]) {
      const view = await ctx().certificates.publicView(no);
      const proof = await ctx().certificates.log.inclusion(view.log.index, checked.checkpoint.size);
      assert.deepEqual(Buffer.from(leafHash(new TextEncoder().encode(view.log.leafInput))), Buffer.from(fromBase64(proof.leafHash)!));
      assert.ok(
        verifyInclusion({ leafIndex: proof.leafIndex, treeSize: proof.treeSize, leafHash: fromBase64(proof.leafHash)!, proof: proof.proof.map((p) => fromBase64(p)!), root: checked.checkpoint.rootHash }),
      );
    }
    const c = await ctx().certificates.log.consistency(1, 2);
    assert.ok(verifyConsistency({ size1: 1, size2: 2, root1: fromBase64(c.root1)!, root2: fromBase64(c.root2)!, proof: c.proof.map((p) => fromBase64(p)!) }));
  });

  test('amending makes version 2 and supersedes version 1; revoking is final and listed, signed', async () => {
    const amended = await ctx().certificates.amend(SYSTEM, passNo, { reason: '更正使用单位地址' });
    assert.equal(amended.version, 2);
    assert.deepEqual(amended.versions.map((v) => v.status), ['superseded', 'valid']);
    const revoked = await ctx().certificates.revoke(SYSTEM, passNo, { reason: '检定数据有误' });
    assert.equal(revoked.status, 'revoked');
    assert.deepEqual(revoked.actions.map((a) => a.action), ['issue', 'amend', 'revoke']);
    const again = await ctx().certificates.amend(SYSTEM, passNo, { reason: 'x' }).catch((e) => e);
    assert.equal(again.code, 'JL_ERR_INVALID_TRANSITION');

    const list = await ctx().certificates.revocationList();
    assert.deepEqual(list.list.certificates.map((c) => c.certificateNo), [passNo]);
    const set = await ctx().certificates.keySet();
    const publicKey = ed25519PublicKeyFromRaw(Buffer.from(set.revocationListKey.publicKey, 'base64url'));
    assert.ok(revocationListSignatureValid(list, publicKey));
    assert.ok(!revocationListSignatureValid({ ...list, list: { ...list.list, certificates: [] } }, publicKey), 'a list with the entry removed must not verify');
  });

  test('log verify recomputes every leaf and checkpoint', async () => {
    await ctx().certificates.log.checkpoint();
    const verdict = await ctx().certificates.log.verify();
    assert.deepEqual(verdict.problems, []);
    assert.equal(verdict.leaves, 3);
  });

  test('rotation keeps old certificates verifiable; revoking a key makes what it signed fail, online and offline', async () => {
    const notice = await ctx().certificates.publicView(failNo);
    const { retired, active } = await ctx().signingKeys.rotate(SYSTEM, institutionId);
    assert.equal(retired, notice.keyId);
    assert.notEqual(active, retired);
    const orgs = await ctx().organizations.list(SYSTEM, { role: 'owner' });
    const instrument = await ctx().instruments.register(SYSTEM, instrumentInput(orgs.items[0]!.id, { serialNo: 'C-ROT' }));
    const verification = await ctx().verifications.record(SYSTEM, instrument.id, verificationInput(institutionId));
    const fresh = await ctx().certificates.issue(SYSTEM, verification.id);
    assert.equal(fresh.keyId, active);
    const before = await keysOf(ctx());
    assert.ok((await verifyQrToken(notice.qr, before)).ok, 'a retired key still verifies');

    await ctx().signingKeys.revoke(SYSTEM, retired, { reason: '密钥泄露' });
    const after = await keysOf(ctx());
    const old = await verifyQrToken(notice.qr, after);
    assert.equal(old.ok, false);
    assert.equal(!old.ok && old.reason, 'revoked_key');
    assert.ok((await verifyQrToken(fresh.qr, after)).ok, 'the new key is unaffected');
    const list = await ctx().certificates.revocationList();
    assert.deepEqual(list.list.keys.map((k) => k.kid), [retired]);
  });

  test('an uncertainty budget is computed and stored with a calibration record, and carried into its certificate', async () => {
    const h1 = JSON.parse(readFileSync(new URL('../../../shared/testdata/metrology/01-gum-gum-h-1-end-gauge-calibration--first-ord.json', import.meta.url), 'utf8'));
    const orgs = await ctx().organizations.list(SYSTEM, { role: 'owner' });
    const instrument = await ctx().instruments.register(SYSTEM, instrumentInput(orgs.items[0]!.id, { serialNo: 'C-GUM' }));
    const bad = await ctx()
      .verifications.record(SYSTEM, instrument.id, verificationInput(institutionId, { uncertaintyBudget: { ...h1.input, model: 'l_s + (' } }))
      .catch((e) => e);
    assert.ok(bad instanceof AppError);
    assert.deepEqual(bad.errors.map((e) => e.pointer), ['/uncertaintyBudget/model']);
    const recorded = await ctx().verifications.record(SYSTEM, instrument.id, verificationInput(institutionId, { uncertaintyBudget: h1.input }));
    const result = recorded.uncertaintyBudget!.result as { outputs: Record<string, { u: number; U: number }> };
    assert.ok(Math.abs(Object.values(result.outputs)[0]!.u - 31.66) < 0.01, 'GUM H.1 u = 31.66 nm');
    const issued = await ctx().certificates.issue(SYSTEM, recorded.id);
    const doc = await ctx().certificates.document(issued.certificateNo);
    assert.equal(doc.uncertaintyBudget!.model, h1.input.model);
    assert.ok(Math.abs(Object.values(doc.uncertaintyBudget!.outputs)[0]!.U - Object.values(result.outputs)[0]!.U) < 1e-9);
    // …and printed on it (pdftotext is a CI requirement, as for the certificate export tests).
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: await ctx().certificates.pdf(issued.certificateNo) }).toString();
    assert.match(text, /测量不确定度评定/);
    assert.match(text, /u = 31\.66/);
  });

  test('the document renders from the stored snapshot with its status', async () => {
    const v1 = await ctx().certificates.document(passNo, 1);
    assert.equal(v1.status, 'revoked');
    assert.equal(v1.verifier, '王检定');
    assert.equal(v1.items.length, 2);
  });
});

/**
 * The context's instrument service over the same database, on another clock and/or counting the
 * SQL statements it runs.
 */
function instrumentsOf(ctx: AppContext, { clock = ctx.clock, count }: { clock?: Clock; count?: { queries: number } } = {}): InstrumentService {
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      if (count) count.queries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const db = count ? ctx.audit.db.withPlugin(counter) : ctx.audit.db;
  return new InstrumentService(db, ctx.reference, clock, ctx.instruments.defaultDueSoonDays, ctx.access, ctx.audit);
}

describeEachDialect('certificate summaries in the instrument detail', (ctx) => {
  let instrumentId = 0;
  /** Verifications oldest first: expires 2026-11-30, amended, revoked, none issued. */
  const ids: number[] = [];
  const numbers: string[] = [];
  let other = { none: 0, one: 0 };

  const certificatesOf = async (service = ctx().instruments) => (await service.get(SYSTEM, instrumentId)).verifications.map((v) => v.certificate);

  test('no certificate issued: null for every verification', async () => {
    const orgs = await seedOrganizations(ctx());
    instrumentId = (await ctx().instruments.register(SYSTEM, instrumentInput(orgs.ownerId, { serialNo: 'S-1' }))).id;
    for (const verifiedOn of ['2025-12-01', '2026-03-01', '2026-06-01', '2026-09-01']) {
      const v = await ctx().verifications.record(SYSTEM, instrumentId, verificationInput(orgs.institutionId, { verifiedOn }));
      ids.push(v.id);
      numbers.push(v.documentNo);
    }
    assert.deepEqual(await certificatesOf(), [null, null, null, null]);
    other = {
      none: (await ctx().instruments.register(SYSTEM, instrumentInput(orgs.ownerId, { serialNo: 'S-2' }))).id,
      one: (await ctx().instruments.register(SYSTEM, instrumentInput(orgs.ownerId, { serialNo: 'S-3' }))).id,
    };
    await ctx().certificates.issue(SYSTEM, (await ctx().verifications.record(SYSTEM, other.one, verificationInput(orgs.institutionId))).id);
  });

  test('issued: valid, version 1, with its number and issue time', async () => {
    for (const id of ids.slice(0, 3)) await ctx().certificates.issue(SYSTEM, id);
    const issuedAt = new Date(Math.floor(TEST_NOW.getTime() / 1000) * 1000).toISOString();
    assert.deepEqual(await certificatesOf(), [
      ...numbers.slice(0, 3).map((certificateNo) => ({ certificateNo, version: 1, status: 'valid', issuedAt })),
      null,
    ]);
  });

  test('amended: version 2, valid; revoked: revoked — as the certificate itself says', async () => {
    await ctx().certificates.amend(SYSTEM, numbers[1]!, { reason: '更正使用单位地址' });
    await ctx().certificates.revoke(SYSTEM, numbers[2]!, { reason: '检定数据有误' });
    const summaries = await certificatesOf();
    assert.deepEqual(
      summaries.map((c) => c && { version: c.version, status: c.status }),
      [{ version: 1, status: 'valid' }, { version: 2, status: 'valid' }, { version: 1, status: 'revoked' }, null],
    );
    for (const [i, no] of numbers.slice(0, 3).entries()) {
      const view = await ctx().certificates.publicView(no);
      assert.deepEqual(summaries[i], { certificateNo: no, version: view.version, status: view.status, issuedAt: view.issuedAt });
    }
  });

  test("expired after its valid-until date, on the service's clock", async () => {
    const { validUntil } = (await ctx().instruments.get(SYSTEM, instrumentId)).verifications[0]!;
    assert.equal(validUntil, '2026-11-30');
    const statuses = async (today: string) => (await certificatesOf(instrumentsOf(ctx(), { clock: fixedClock(new Date(`${today}T04:00:00Z`)) }))).map((c) => c?.status ?? null);
    assert.deepEqual(await statuses('2026-11-30'), ['valid', 'valid', 'revoked', null]);
    assert.deepEqual(await statuses('2026-12-01'), ['expired', 'valid', 'revoked', null]);
  });

  test('the detail costs the same number of queries with no verification, one certificate or several', async () => {
    const queriesFor = async (id: number) => {
      const count = { queries: 0 };
      await instrumentsOf(ctx(), { count }).get(SYSTEM, id);
      return count.queries;
    };
    const none = await queriesFor(other.none);
    assert.equal(await queriesFor(other.one), none);
    assert.equal(await queriesFor(instrumentId), none);
    assert.ok(none <= 5, `${none} queries: the instrument, its events, its verifications, the certificates' versions and actions`);
  });
});

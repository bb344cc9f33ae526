// The public lookup reads one stored row per certificate (certificate_lookup); the history
// (versions and actions) is the record. These tests hold the two to the same answers: in every
// state, on any date, after a rebuild — on both dialects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect, SYSTEM, TEST_NOW, TEST_TODAY } from '../support/dialects.ts';
import { instrumentInput, seedOrganizations, verificationInput } from '../support/fixtures.ts';
import { addDays } from '../../src/domain/common/dates.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { AppContext } from '../../src/services/context.ts';
import { publicJsonFromLookup, publicViewFromHistory, type PublicCertificate } from '../../src/services/certificates/public-view.ts';
import { actionsOf, versionsOf } from '../../src/store/repositories/certificate-repository.ts';
import { findLookup } from '../../src/store/repositories/certificate-lookup-repository.ts';

async function fromHistory(ctx: AppContext, no: string, today: string, asOf: string): Promise<PublicCertificate> {
  return publicViewFromHistory(await versionsOf(ctx.audit.db, no), await actionsOf(ctx.audit.db, no), today, asOf);
}

async function fromLookup(ctx: AppContext, no: string, today: string, asOf: string): Promise<PublicCertificate> {
  const row = await findLookup(ctx.audit.db, no);
  assert.ok(row, `no lookup row for ${no}`);
  return JSON.parse(publicJsonFromLookup(row, today, asOf)) as PublicCertificate;
}

describeEachDialect('certificate lookup (the public view read model)', (ctx) => {
  const numbers: string[] = [];
  let validUntil = '';

  test('the stored view answers as the history does in every state, today and after expiry', async () => {
    const { ownerId, institutionId } = await seedOrganizations(ctx());
    const issue = async (serialNo: string, overrides: Record<string, unknown> = {}) => {
      const instrument = await ctx().instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo }));
      const verification = await ctx().verifications.record(SYSTEM, instrument.id, verificationInput(institutionId, overrides));
      return (await ctx().certificates.issue(SYSTEM, verification.id)).certificateNo;
    };
    const plain = await issue('L-1');
    const notice = await issue('L-2', { conclusion: 'fail', items: [{ name: 'x', error: 12, mpe: 10 }] });
    const amended = await issue('L-3');
    const revoked = await issue('L-4');
    const amendedThenRevoked = await issue('L-5');
    await ctx().certificates.amend(SYSTEM, amended, { reason: '更正型号' });
    await ctx().certificates.revoke(SYSTEM, revoked, { reason: '检定数据有误' });
    await ctx().certificates.amend(SYSTEM, amendedThenRevoked, { reason: '更正型号' });
    await ctx().certificates.revoke(SYSTEM, amendedThenRevoked, { reason: '器具已报废' });
    numbers.push(plain, notice, amended, revoked, amendedThenRevoked);

    const asOf = TEST_NOW.toISOString();
    const current = await Promise.all(numbers.map((no) => ctx().certificates.publicView(no)));
    assert.deepEqual(
      current.map((v) => [v.status, v.version, v.versions.map((x) => x.status).join('/')]),
      [
        ['valid', 1, 'valid'],
        ['valid', 1, 'valid'],
        ['valid', 2, 'superseded/valid'],
        ['revoked', 1, 'revoked'],
        ['revoked', 2, 'revoked/revoked'],
      ],
    );
    validUntil = current[0]!.validUntil!;
    assert.ok(validUntil > TEST_TODAY);
    for (const [i, no] of numbers.entries()) {
      assert.deepEqual(current[i], await fromHistory(ctx(), no, TEST_TODAY, asOf), no);
      for (const today of [validUntil, addDays(validUntil, 1), '2040-01-01']) {
        assert.deepEqual(await fromLookup(ctx(), no, today, asOf), await fromHistory(ctx(), no, today, asOf), `${no} on ${today}`);
      }
    }
    // The derived status moves with the date: expired the day after valid-until, not before.
    assert.equal((await fromLookup(ctx(), plain, validUntil, asOf)).status, 'valid');
    assert.equal((await fromLookup(ctx(), plain, addDays(validUntil, 1), asOf)).status, 'expired');
    assert.equal((await fromLookup(ctx(), notice, '2040-01-01', asOf)).status, 'valid', 'a result notice does not expire');
  });

  test('the JSON the public route sends is the view, and an unknown number is not found', async () => {
    const json = await ctx().certificates.publicViewJson(numbers[2]!);
    assert.deepEqual(JSON.parse(json), await ctx().certificates.publicView(numbers[2]!));
    const missing = await ctx().certificates.publicViewJson('渝检定证字-NONE').catch((e: unknown) => e);
    assert.ok(missing instanceof AppError && missing.code === 'JL_ERR_NOT_FOUND');
  });

  test('an emptied lookup table is rebuilt from the history at start-up, and only then', async () => {
    const before = await Promise.all(numbers.map((no) => ctx().certificates.publicView(no)));
    await ctx().audit.db.deleteFrom('certificate_lookup').execute();
    await assert.rejects(ctx().certificates.publicView(numbers[0]!));
    assert.equal(await ctx().certificates.rebuildLookupIfEmpty(), numbers.length);
    assert.deepEqual(await Promise.all(numbers.map((no) => ctx().certificates.publicView(no))), before);
    assert.equal(await ctx().certificates.rebuildLookupIfEmpty(), 0, 'a filled table is left alone');
  });
});

// The public lookup reads one stored row per certificate (certificate_lookup); the history
// (versions and actions) is the record. These tests hold the two to the same answers: in every
// state, on any date, after a rebuild — on both dialects; and on a SQLite file, where the lookup
// reads through its own read-only connection.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDialect, SYSTEM, TEST_NOW, TEST_TODAY } from '../support/dialects.ts';
import { instrumentInput, seedOrganizations, verificationInput } from '../support/fixtures.ts';
import { addDays } from '../../src/domain/common/dates.ts';
import { AppError } from '../../src/domain/errors.ts';
import { createContext, type AppContext } from '../../src/services/context.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { publicBodyFromLookup, publicViewFromHistory, type PublicCertificate } from '../../src/services/certificates/public-view.ts';
import { actionsOf, versionsOf } from '../../src/store/repositories/certificate-repository.ts';
import { lookupFinder } from '../../src/store/repositories/certificate-lookup-repository.ts';

/** Lets the event loop finish its current turn. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function fromHistory(ctx: AppContext, no: string, today: string, asOf: string): Promise<PublicCertificate> {
  return publicViewFromHistory(await versionsOf(ctx.audit.db, no), await actionsOf(ctx.audit.db, no), today, asOf);
}

async function fromLookup(ctx: AppContext, no: string, today: string, asOf: string): Promise<PublicCertificate> {
  const record = await lookupFinder(ctx.audit.db, null)(no);
  assert.ok(record, `no lookup row for ${no}`);
  return JSON.parse(publicBodyFromLookup(record, today, asOf).toString('utf8')) as PublicCertificate;
}

/** Issues certificates in every state: plain, result notice, amended, revoked, amended then revoked. */
async function issueEveryState(ctx: AppContext): Promise<string[]> {
  const { ownerId, institutionId } = await seedOrganizations(ctx);
  const issue = async (serialNo: string, overrides: Record<string, unknown> = {}) => {
    const instrument = await ctx.instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo }));
    const verification = await ctx.verifications.record(SYSTEM, instrument.id, verificationInput(institutionId, overrides));
    return (await ctx.certificates.issue(SYSTEM, verification.id)).certificateNo;
  };
  const numbers = [await issue('L-1'), await issue('L-2', { conclusion: 'fail', items: [{ name: 'x', error: 12, mpe: 10 }] }), await issue('L-3'), await issue('L-4'), await issue('L-5')];
  const [, , amended, revoked, amendedThenRevoked] = numbers as [string, string, string, string, string];
  await ctx.certificates.amend(SYSTEM, amended, { reason: '更正型号' });
  await ctx.certificates.revoke(SYSTEM, revoked, { reason: '检定数据有误' });
  await ctx.certificates.amend(SYSTEM, amendedThenRevoked, { reason: '更正型号' });
  await ctx.certificates.revoke(SYSTEM, amendedThenRevoked, { reason: '器具已报废' });
  return numbers;
}

describeEachDialect('certificate lookup (the public view read model)', (ctx) => {
  const numbers: string[] = [];
  let validUntil = '';

  test('the stored view answers as the history does in every state, today and after expiry', async () => {
    numbers.push(...(await issueEveryState(ctx())));
    const [plain, notice] = numbers as [string, string];

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
    const body = await ctx().certificates.publicViewBody(numbers[2]!);
    assert.deepEqual(JSON.parse(body.toString('utf8')), await fromHistory(ctx(), numbers[2]!, TEST_TODAY, TEST_NOW.toISOString()));
    const missing = await ctx().certificates.publicViewBody('渝检定证字-NONE').catch((e: unknown) => e);
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

describe('certificate lookup on a SQLite file (its own read-only connection)', () => {
  let dir = '';
  let ctx: AppContext;
  const numbers: string[] = [];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jiliang-lookup-'));
    ctx = await createContext({ databaseUrl: `sqlite:${join(dir, 'jiliang.db')}`, keyDir: join(dir, 'keys'), clock: fixedClock(TEST_NOW) });
  });
  after(async () => {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('answers as the history does in every state', async () => {
    const asOf = TEST_NOW.toISOString();
    numbers.push(...(await issueEveryState(ctx)));
    for (const no of numbers) {
      const body = await ctx.certificates.publicViewBody(no);
      assert.deepEqual(JSON.parse(body.toString('utf8')), await fromHistory(ctx, no, TEST_TODAY, asOf), no);
    }
  });

  test('sees committed data only: not the open transaction of the main connection', async () => {
    const target = numbers[0]!;
    const committed = await ctx.certificates.publicView(target);
    const rolledBack = new Error('roll back');
    await assert.rejects(
      ctx.audit.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('certificate_lookup').where('certificate_no', '=', target).execute();
        // A read joining this transaction would find nothing; the lookup still answers the committed row.
        assert.deepEqual(await ctx.certificates.publicView(target), committed);
        throw rolledBack;
      }),
      rolledBack,
    );
    await ctx.audit.db.deleteFrom('certificate_lookup').where('certificate_no', '=', target).execute();
    await assert.rejects(ctx.certificates.publicView(target), (e: unknown) => e instanceof AppError && e.code === 'JL_ERR_NOT_FOUND', 'once committed, the deletion is seen');
  });

  test("the service's own writes are seen by its next read, within the same turn", async () => {
    const target = numbers[2]!;
    assert.equal((await ctx.certificates.publicView(target)).status, 'valid');
    // Same turn: the lookup above opened the turn's read snapshot; the revocation's writes end it.
    const revoked = await ctx.certificates.revoke(SYSTEM, target, { reason: '同一轮内撤销' });
    assert.equal(revoked.status, 'revoked');
    assert.equal((await ctx.certificates.publicView(target)).status, 'revoked');
  });

  test('closing the database with a snapshot open ends it quietly', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'jiliang-lookup-close-'));
    const other = await createContext({ databaseUrl: `sqlite:${join(dir2, 'jiliang.db')}`, keyDir: join(dir2, 'keys'), clock: fixedClock(TEST_NOW) });
    try {
      const [no] = await issueEveryState(other);
      await other.certificates.publicView(no!);
    } finally {
      await other.close();
    }
    // The snapshot's end-of-turn callback runs after the close; an error there would fail this file.
    await nextTurn();
    rmSync(dir2, { recursive: true, force: true });
  });
});

// The audit log on both dialects: gapless, chained, append-only; and every way someone with direct
// database access could alter history (bypassing the triggers as such a person would) is detected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, renameSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.ts';
import type { AppContext } from '../../src/services/context.ts';
import type { AuditEntryInput } from '../../src/domain/audit/audit-entry.ts';
import type { AuditProblemKind } from '../../src/domain/audit/audit-problem.ts';
import { GENESIS_HASH, auditEntryHash } from '../../src/domain/audit/chain.ts';
import { signCheckpoint, witnessLine } from '../../src/domain/audit/checkpoint.ts';
import { keyIdOf } from '../../src/domain/common/key-id.ts';
import { AppError } from '../../src/domain/errors.ts';
import { startAuditCheckpoints } from '../../src/jobs/audit-checkpoints.ts';
import { describeEachDialect, openTestContext, type Dialect } from '../support/dialects.ts';

type Row = Database['audit_log'];

function entry(i: number, over: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    requestId: `req-${i}`,
    actorKind: 'user',
    actorId: String(100 + i),
    scope: 'regulator@district:500103',
    action: 'instrument.register',
    outcome: 'ok',
    targetType: 'instrument',
    targetId: String(i),
    detail: { fields: ['serialNo', 'model'], count: i },
    ...over,
  };
}

async function rows(db: Kysely<Database>): Promise<Row[]> {
  return db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
}

/** What an attacker with the published algorithm (but without the key) can compute. */
function rehash(row: Row, prevHash: string): string {
  return auditEntryHash(prevHash, {
    seq: row.seq,
    recordedAt: row.recorded_at,
    requestId: row.request_id,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    scope: row.scope,
    action: row.action,
    outcome: row.outcome,
    targetType: row.target_type,
    targetId: row.target_id,
    detail: JSON.parse(row.detail),
  });
}

function problemsOf(verdict: { problems: readonly { kind: AuditProblemKind; seq: number | null }[] }): string[] {
  return verdict.problems.map((p) => `${p.kind}@${p.seq}`).sort();
}

describeEachDialect('audit log', (ctx, dialect) => {
  test('appends are gapless and chained over canonical JSON', async () => {
    assert.deepEqual([await ctx().audit.recordAlone(entry(1)), await ctx().audit.recordAlone(entry(2)), await ctx().audit.recordAlone(entry(3))], [1, 2, 3]);
    const stored = await rows(ctx().audit.db);
    assert.deepEqual(stored.map((r) => r.seq), [1, 2, 3]);
    assert.equal(stored[0]!.prev_hash, GENESIS_HASH);
    for (const [i, r] of stored.entries()) {
      if (i > 0) assert.equal(r.prev_hash, stored[i - 1]!.hash);
      assert.match(r.hash, /^[0-9a-f]{64}$/);
      assert.equal(r.hash, rehash(r, r.prev_hash));
    }
    assert.equal(stored[0]!.detail, '{"count":1,"fields":["serialNo","model"]}'); // RFC 8785: keys sorted
    assert.equal(stored[0]!.recorded_at, '2026-11-27T04:00:00.000Z');
  });

  test('an entry rolled back with its transaction leaves no gap', async () => {
    const failed = await ctx()
      .audit.db.transaction()
      .execute(async (trx) => {
        assert.equal(await ctx().audit.append(trx, entry(99)), 4);
        throw new Error('the write failed');
      })
      .catch((e: Error) => e.message);
    assert.equal(failed, 'the write failed');
    assert.equal(await ctx().audit.recordAlone(entry(4)), 4);
  });

  test('append refuses to run outside a transaction, and over-long fields on both dialects', async () => {
    await assert.rejects(ctx().audit.append(ctx().audit.db, entry(5)), /inside the caller's transaction/);
    await assert.rejects(ctx().audit.recordAlone(entry(5, { action: 'x'.repeat(65) })), /action is longer than 64/);
    assert.equal((await rows(ctx().audit.db)).length, 4);
  });

  test('concurrent appends get distinct consecutive seqs', async () => {
    const seqs = await Promise.all(Array.from({ length: 20 }, (_, i) => ctx().audit.recordAlone(entry(10 + i))));
    assert.deepEqual([...seqs].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => 5 + i));
    assert.equal((await ctx().audit.verify()).ok, true);
  });

  test('checkpoints sign the head, are copied to the witness file, and verify is ok on the intact log', async () => {
    const cp = await ctx().audit.checkpoint();
    assert.ok(cp);
    assert.equal(cp.seq, 24);
    assert.equal(cp.headHash, (await rows(ctx().audit.db)).at(-1)!.hash);
    assert.match(cp.keyId, /^[0-9a-f]{16}$/);
    assert.equal(await ctx().audit.checkpoint(), null, 'nothing new since the last checkpoint');
    assert.equal(readFileSync(ctx().audit.witnessFile, 'utf8'), `${witnessLine(cp)}\n`);
    const verdict = await ctx().audit.verify();
    assert.deepEqual(verdict, { ok: true, entries: 24, checkpoints: 1, witnessed: 1, lastSeq: 24, problems: [], problemsOmitted: 0 });
  });

  test('the triggers refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL)', async () => {
    const db = ctx().audit.db;
    await assert.rejects(db.updateTable('audit_log').set({ action: 'x' }).where('seq', '=', 2).execute(), /audit_log is append-only/);
    await assert.rejects(db.deleteFrom('audit_log').where('seq', '=', 24).execute(), /audit_log is append-only/);
    await assert.rejects(db.updateTable('audit_checkpoint').set({ signature: 'x' }).execute(), /audit_checkpoint is append-only/);
    await assert.rejects(db.deleteFrom('audit_checkpoint').execute(), /audit_checkpoint is append-only/);
    if (dialect === 'postgres') {
      await assert.rejects(sql`truncate audit_log`.execute(db), /audit_log is append-only/);
      await assert.rejects(sql`truncate audit_checkpoint`.execute(db), /audit_checkpoint is append-only/);
    }
    assert.equal((await ctx().audit.verify()).ok, true);
  });

  test('lists newest first with filters and paging, detail parsed', async () => {
    await ctx().audit.recordAlone(entry(50, { actorKind: 'anonymous', actorId: null, scope: null, action: 'http.denied', outcome: 'denied', targetType: 'organization', targetId: '7', detail: { method: 'POST' } }));
    const page = await ctx().audit.list({ pageSize: 2 });
    assert.equal(page.total, 25);
    assert.deepEqual(page.items.map((e) => e.seq), [25, 24]);
    assert.deepEqual(page.items[0], {
      seq: 25,
      recordedAt: '2026-11-27T04:00:00.000Z',
      requestId: 'req-50',
      actorKind: 'anonymous',
      actorId: null,
      scope: null,
      action: 'http.denied',
      outcome: 'denied',
      targetType: 'organization',
      targetId: '7',
      detail: { method: 'POST' },
      prevHash: page.items[1]!.hash,
      hash: page.items[0]!.hash,
    });
    assert.deepEqual((await ctx().audit.list({ page: 13, pageSize: 2 })).items.map((e) => e.seq), [1]);
    assert.equal((await ctx().audit.list({ outcome: 'denied' })).total, 1);
    assert.equal((await ctx().audit.list({ actorKind: 'anonymous', action: 'http.denied' })).total, 1);
    assert.deepEqual((await ctx().audit.list({ targetType: 'instrument', targetId: '3' })).items.map((e) => e.seq), [3]);
    const bad = await ctx().audit.list({ outcome: 'maybe', extra: 1 }).catch((e: unknown) => e);
    assert.ok(bad instanceof AppError);
    assert.deepEqual(bad.errors.map((e) => e.pointer).sort(), ['/extra', '/outcome']);
  });

  test('the periodic job checkpoints new entries and stops cleanly', async () => {
    const stop = startAuditCheckpoints(ctx(), 10);
    try {
      for (let i = 0; i < 200 && (await ctx().audit.verify()).checkpoints < 2; i++) await sleep(10);
    } finally {
      await stop();
    }
    const verdict = await ctx().audit.verify();
    assert.equal(verdict.checkpoints, 2);
    assert.equal(verdict.witnessed, 2);
    assert.equal(verdict.ok, true);
  });
});

/** Writes in one transaction with the append-only triggers out of the way, as an attacker with database access can. */
async function tamper(ctx: AppContext, dialect: Dialect, change: (trx: Kysely<Database>) => Promise<void>): Promise<void> {
  await ctx.audit.db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`set local session_replication_role = replica`.execute(trx);
    else for (const t of ['audit_log_no_update', 'audit_log_no_delete', 'audit_checkpoint_no_update', 'audit_checkpoint_no_delete']) await sql`drop trigger ${sql.raw(t)}`.execute(trx);
    await change(trx);
  });
}

/** 8 entries, checkpoints at seq 5 and 8 (in the database and in the witness file). */
async function seededLog(dialect: Dialect): Promise<AppContext> {
  const ctx = await openTestContext(dialect);
  for (let i = 1; i <= 8; i++) {
    await ctx.audit.recordAlone(entry(i));
    if (i === 5 || i === 8) assert.ok(await ctx.audit.checkpoint());
  }
  assert.equal((await ctx.audit.verify()).ok, true);
  return ctx;
}

const TAMPERING: { name: string; expect: string[]; change: (trx: Kysely<Database>) => Promise<void> }[] = [
  {
    name: 'editing a field of an entry',
    expect: ['hash_mismatch@3'],
    change: async (trx) => {
      await trx.updateTable('audit_log').set({ actor_id: '999' }).where('seq', '=', 3).execute();
    },
  },
  {
    name: 'editing an entry and recomputing its own hash (the chain breaks at the next)',
    expect: ['prev_hash_mismatch@4'],
    change: async (trx) => {
      const row = (await rows(trx))[2]!;
      const edited = { ...row, target_id: '42' };
      await trx.updateTable('audit_log').set({ target_id: '42', hash: rehash(edited, row.prev_hash) }).where('seq', '=', 3).execute();
    },
  },
  {
    name: 'deleting an entry in the middle',
    expect: ['prev_hash_mismatch@5', 'seq_gap@5'],
    change: async (trx) => {
      await trx.deleteFrom('audit_log').where('seq', '=', 4).execute();
    },
  },
  {
    name: 'inserting a forged entry and rewriting the rest of the chain consistently (the checkpoints catch it)',
    expect: ['checkpoint_mismatch@5', 'checkpoint_mismatch@8'],
    change: async (trx) => {
      const all = await rows(trx);
      await trx.deleteFrom('audit_log').where('seq', '>=', 4).execute();
      const forged = { ...all[3]!, action: 'instrument.scrap', target_id: '77' };
      let prev = all[2]!.hash;
      for (const [i, r] of [forged, ...all.slice(3)].entries()) {
        const row = { ...r, seq: 4 + i, prev_hash: prev };
        row.hash = rehash(row, prev);
        prev = row.hash;
        await trx.insertInto('audit_log').values(row).execute();
      }
    },
  },
  {
    name: 'truncating the tail after a checkpoint',
    expect: ['checkpoint_beyond_end@8'],
    change: async (trx) => {
      await trx.deleteFrom('audit_log').where('seq', '>=', 7).execute();
    },
  },
  {
    name: 'truncating the tail and deleting its checkpoints (the witness file catches it)',
    expect: ['checkpoint_beyond_end@8', 'witness_missing@8'],
    change: async (trx) => {
      await trx.deleteFrom('audit_log').where('seq', '>=', 7).execute();
      await trx.deleteFrom('audit_checkpoint').where('seq', '>=', 7).execute();
    },
  },
  {
    name: 'altering a checkpoint signature',
    expect: ['checkpoint_signature@5', 'witness_mismatch@5'],
    change: async (trx) => {
      const { signature } = await trx.selectFrom('audit_checkpoint').select('signature').where('seq', '=', 5).executeTakeFirstOrThrow();
      const flipped = Buffer.from(signature, 'base64url');
      flipped[0] = flipped[0]! ^ 1;
      await trx.updateTable('audit_checkpoint').set({ signature: flipped.toString('base64url') }).where('seq', '=', 5).execute();
    },
  },
  {
    name: 'adding a checkpoint signed by a key outside the key directory',
    expect: ['checkpoint_unknown_key@6'],
    change: async (trx) => {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const head = (await rows(trx))[5]!;
      const cp = signCheckpoint({ seq: 6, headHash: head.hash, recordedAt: '2026-11-27T04:00:00.000Z', keyId: keyIdOf(publicKey) }, privateKey);
      await trx.insertInto('audit_checkpoint').values({ seq: cp.seq, head_hash: cp.headHash, recorded_at: cp.recordedAt, key_id: cp.keyId, signature: cp.signature }).execute();
    },
  },
];

describeEachDialect('audit log tampering', (_ctx, dialect) => {
  for (const t of TAMPERING) {
    test(`detects ${t.name}`, async () => {
      const ctx = await seededLog(dialect);
      try {
        await tamper(ctx, dialect, t.change);
        const verdict = await ctx.audit.verify();
        assert.equal(verdict.ok, false);
        assert.deepEqual(problemsOf(verdict), t.expect);
        if (t.expect.includes('witness_missing@8')) {
          // The database alone is consistent after this attack: only the copy outside it tells.
          renameSync(ctx.audit.witnessFile, `${ctx.audit.witnessFile}.away`);
          assert.equal((await ctx.audit.verify()).ok, true);
        }
      } finally {
        await ctx.close();
      }
    });
  }
});

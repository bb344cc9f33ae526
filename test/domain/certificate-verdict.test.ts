// The verdict on a scanned certificate from its signature check and the revocation evidence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { certificateVerdict } from '../../src/domain/certificates/certificate-verdict.ts';
import { certificateStatus, allowedActions, type CertificateHistory } from '../../src/domain/certificates/certificate-status.ts';
import type { QrCertificateClaims } from '../../src/domain/certificates/qr-token/claims.ts';
import type { RevocationList } from '../../src/domain/certificates/revocation-list.ts';

const claims: QrCertificateClaims = {
  certificateNo: 'J2026-0001-000001',
  version: 1,
  kind: 'certificate',
  instrument: { categoryCode: 'PRICE_SCALE', manufacturer: 'M', model: 'X', serialNo: 'S1', registryId: 1 },
  owner: { name: '示例单位', uscc: '91500103MA5U00011H' },
  conclusion: 'pass',
  verifiedOn: '2026-06-01',
  validUntil: '2027-05-31',
  issuedAt: 1_780_000_000,
  institution: { id: 2, name: '检定所', uscc: '125000004500001712' },
};
const signed = { ok: true as const, claims, kid: '0011223344556677' };
const list = (over: Partial<RevocationList> = {}): RevocationList => ({ issuer: 'x', asOf: '2026-11-27T04:00:00.000Z', certificates: [], keys: [], superseded: [], ...over });

test('offline with a list: valid, revoked, superseded, expired — each as of the list', () => {
  assert.equal(certificateVerdict(signed, { list: list() }, '2026-11-27').status, 'valid');
  const revoked = certificateVerdict(signed, { list: list({ certificates: [{ certificateNo: claims.certificateNo, revokedAt: '2026-11-01T00:00:00Z' }] }) }, '2026-11-27');
  assert.deepEqual([revoked.valid, revoked.status, revoked.revocation.asOf], [false, 'revoked', '2026-11-27T04:00:00.000Z']);
  const superseded = certificateVerdict(signed, { list: list({ superseded: [{ certificateNo: claims.certificateNo, latestVersion: 2 }] }) }, '2026-11-27');
  assert.deepEqual([superseded.valid, superseded.status], [false, 'superseded']);
  assert.equal(certificateVerdict({ ...signed, claims: { ...claims, version: 2 } }, { list: list({ superseded: [{ certificateNo: claims.certificateNo, latestVersion: 2 }] }) }, '2026-11-27').status, 'valid');
  assert.equal(certificateVerdict(signed, { list: list() }, '2027-06-01').status, 'expired');
});

test('fails closed: no revocation evidence is unknown, a bad signature is invalid', () => {
  assert.deepEqual([certificateVerdict(signed, { list: null }, '2026-11-27').valid, certificateVerdict(signed, { list: null }, '2026-11-27').status], [false, 'unknown']);
  const bad = certificateVerdict({ ok: false, reason: 'revoked_key', kid: '0011223344556677' }, { list: list() }, '2026-11-27');
  assert.deepEqual([bad.valid, bad.status, bad.signature.reason], [false, 'invalid', 'revoked_key']);
});

test('online status wins over the token: superseded when the server has a newer version', () => {
  const online = certificateVerdict(signed, { list: null, online: { status: 'valid', version: 2, asOf: 'now' } }, '2026-11-27');
  assert.equal(online.status, 'superseded');
  assert.equal(certificateVerdict(signed, { list: null, online: { status: 'revoked', version: 1, asOf: 'now' } }, '2026-11-27').status, 'revoked');
});

test('status from history: revocation covers every version; nothing follows it', () => {
  const history: CertificateHistory = {
    versions: [{ version: 1, validUntil: '2027-05-31' }, { version: 2, validUntil: '2027-05-31' }],
    actions: [{ action: 'issue', version: 1, at: 'a', reason: null }, { action: 'amend', version: 2, at: 'b', reason: 'r' }],
  };
  assert.deepEqual([certificateStatus(history, 1, '2026-11-27'), certificateStatus(history, 2, '2026-11-27'), certificateStatus(history, 2, '2027-06-01')], ['superseded', 'valid', 'expired']);
  const revoked = { ...history, actions: [...history.actions, { action: 'revoke' as const, version: 2, at: 'c', reason: 'x' }] };
  assert.deepEqual([certificateStatus(revoked, 1, '2026-11-27'), certificateStatus(revoked, 2, '2026-11-27')], ['revoked', 'revoked']);
  assert.deepEqual(allowedActions(revoked), []);
  assert.deepEqual(allowedActions({ versions: [], actions: [] }), ['issue']);
});

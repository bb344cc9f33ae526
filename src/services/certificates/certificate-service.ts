// Certificates (检定证书 / 检定结果通知书): issue, amend and revoke as actions of a history; each
// issued version is signed into an offline-verifiable QR token and appended to the transparency
// log in the same transaction. Reading: the internal view (tenant-checked), the public view
// (public fields only), the renderable document, and the signed revocation list.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import * as certs from '../../store/repositories/certificate-repository.ts';
import * as lookup from '../../store/repositories/certificate-lookup-repository.ts';
import { findVerificationById } from '../../store/repositories/verification-repository.ts';
import { findInstrumentById } from '../../store/repositories/instrument-repository.ts';
import { AppError, fieldError } from '../../domain/errors.ts';
import type { Caller } from '../../domain/auth/actor.ts';
import type { CertificateDocument } from '../../domain/certificates/certificate-document.ts';
import { allowedActions, certificateStatus, latestVersion, revocationOf } from '../../domain/certificates/certificate-status.ts';
import { signRevocationList, type SignedRevocationList } from '../../domain/certificates/revocation-list.ts';
import { encodeQrToken, ed25519Signer, qrClaimsFromDocument, qrTextForUrl } from '../../domain/certificates/qr-token/node.ts';
import { assertSchema } from '../validation.ts';
import { CertificateReason } from '../schemas/certificate.ts';
import { auditEntry, instrumentTenant, type AccessService } from '../access-service.ts';
import type { AuditService } from '../audit/audit-service.ts';
import type { KeyDirectory } from '../keys/key-directory.ts';
import type { ReferenceService } from '../reference-service.ts';
import type { Clock } from '../clock.ts';
import { certificateFacts, type CertificateFacts } from './certificate-assembly.ts';
import type { InstitutionKeys } from './institution-keys.ts';
import { leafHashHex, leafInput, type TransparencyLog } from './transparency-log.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { renderCertificateDcc } from './certificate-dcc.ts';
import { renderQrPng, renderQrSvg } from './qr-image.ts';
import { renderLabelSheet, type Label } from './label-sheet.ts';
import { historyFromRows } from './certificate-history.ts';
import { lookupRowOf, publicBodyFromLookup, publicViewFromHistory, type PublicCertificate } from './public-view.ts';
import { findOrganizationById } from '../../store/repositories/organization-repository.ts';
import { isIsoDate } from '../../domain/common/dates.ts';

export type { PublicCertificate };

export const REVOCATION_KEY_NAME = 'revocation-list';

export interface CertificateVersionView {
  readonly version: number;
  readonly issuedAt: string;
  readonly keyId: string;
  readonly amendReason: string | null;
  readonly logIndex: number;
  readonly leafHash: string;
  readonly qrText: string;
}

export interface CertificateServiceConfig {
  /** Base of the public verification page, e.g. `https://jiliang.example`; the QR opens `<base>/v#JL1:…`. */
  readonly publicUrl: string;
  readonly issuer: string;
}

export class CertificateService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly reference: ReferenceService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly institutionKeys: InstitutionKeys,
    private readonly keys: KeyDirectory,
    readonly log: TransparencyLog,
    private readonly clock: Clock,
    private readonly config: CertificateServiceConfig,
    private readonly findLookup: lookup.LookupFinder,
  ) {}

  verifyUrl(certificateNo: string): string {
    return `${this.config.publicUrl}/v/${encodeURIComponent(certificateNo)}`;
  }

  /** Issues version 1 for a verification: a certificate when it passed, a result notice when it failed. */
  async issue(caller: Caller, verificationId: number): Promise<PublicCertificate> {
    const action = 'certificate.issue';
    await this.access.require(caller, 'certificate:issue', action);
    const verification = await findVerificationById(this.db, verificationId);
    if (!verification) throw new AppError('JL_ERR_NOT_FOUND');
    await this.access.requireCreateIn(caller, 'certificate:issue', action, { organizationIds: [verification.institution_id] }, '/verificationId');
    await this.access.requireRecentPassword(caller, action, { type: 'verification', id: verificationId });
    const facts = await certificateFacts(this.db, this.reference, verificationId);
    await this.db.transaction().execute(async (trx) => {
      if (await certs.certificateNoOfVerification(trx, verificationId)) {
        throw new AppError('JL_ERR_INVALID_TRANSITION', [fieldError('/verificationId', 'conflicting_fields', 'a certificate was already issued for this verification')]);
      }
      await this.appendVersion(trx, caller, facts, 1, null, 'issue');
    });
    return this.publicView(facts.certificateNo);
  }

  /** A new version from the records as they are now (e.g. after the owner's name was corrected). */
  async amend(caller: Caller, certificateNo: string, input: unknown): Promise<PublicCertificate> {
    const { reason } = assertSchema(CertificateReason, input);
    const { facts } = await this.authorizeChange(caller, certificateNo, 'certificate:issue', 'certificate.amend');
    await this.db.transaction().execute(async (trx) => {
      const history = historyFromRows(await certs.versionsOf(trx, certificateNo), await certs.actionsOf(trx, certificateNo));
      if (!allowedActions(history).includes('amend')) throw new AppError('JL_ERR_INVALID_TRANSITION');
      await this.appendVersion(trx, caller, facts, latestVersion(history) + 1, reason, 'amend');
    });
    return this.publicView(certificateNo);
  }

  /** Revokes the certificate (every version); the revocation list and the public page say so at once. */
  async revoke(caller: Caller, certificateNo: string, input: unknown): Promise<PublicCertificate> {
    const { reason } = assertSchema(CertificateReason, input);
    await this.authorizeChange(caller, certificateNo, 'certificate:revoke', 'certificate.revoke');
    await this.db.transaction().execute(async (trx) => {
      const history = historyFromRows(await certs.versionsOf(trx, certificateNo), await certs.actionsOf(trx, certificateNo));
      if (!allowedActions(history).includes('revoke')) throw new AppError('JL_ERR_INVALID_TRANSITION');
      const version = latestVersion(history);
      await certs.insertAction(trx, { certificate_no: certificateNo, version, action: 'revoke', at: this.clock.now().toISOString(), reason });
      await this.refreshLookup(trx, certificateNo);
      await this.audit.append(trx, auditEntry(caller, 'certificate.revoke', 'ok', { type: 'certificate', id: certificateNo }, { version }));
    });
    return this.publicView(certificateNo);
  }

  /** The full document of a version (default: the latest), as the PDF and DCC render it. */
  async document(certificateNo: string, version?: number): Promise<CertificateDocument> {
    const versions = await certs.versionsOf(this.db, certificateNo);
    const row = version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
    if (!row) throw new AppError('JL_ERR_NOT_FOUND');
    return this.documentOf(certificateNo, versions, await certs.actionsOf(this.db, certificateNo), row);
  }

  /** The document of one of the versions read, given the certificate's actions (no further reads). */
  private documentOf(
    certificateNo: string,
    versions: readonly certs.CertificateVersionRow[],
    actions: readonly certs.CertificateActionRow[],
    row: certs.CertificateVersionRow,
  ): CertificateDocument {
    const history = historyFromRows(versions, actions);
    const facts = JSON.parse(row.facts) as CertificateFacts;
    const revoke = revocationOf(history);
    const amendment = actions.find((a) => a.action === 'amend' && a.version === row.version);
    return {
      ...facts,
      version: row.version,
      status: certificateStatus(history, row.version, this.clock.today()),
      issuedAt: row.issued_at,
      supersedes: amendment ? { version: row.version - 1, reason: amendment.reason ?? '' } : null,
      revocation: revoke ? { at: revoke.at, reason: revoke.reason ?? '' } : null,
      qrText: row.qr_text,
      verifyUrl: this.verifyUrl(certificateNo),
    };
  }

  /** The latest version as an A4 PDF with its QR code (public: it is the certificate itself). */
  async pdf(certificateNo: string): Promise<Buffer> {
    const doc = await this.document(certificateNo);
    return renderCertificatePdf(doc, { qrPng: await renderQrPng(doc.qrText) });
  }

  /** The latest version as a PTB Digital Calibration Certificate (DCC 3.2.0 XML). */
  async dcc(certificateNo: string): Promise<string> {
    return renderCertificateDcc(await this.document(certificateNo));
  }

  async qrImage(certificateNo: string, format: 'png' | 'svg'): Promise<Buffer | string> {
    const { qr } = await this.publicView(certificateNo);
    return format === 'png' ? renderQrPng(qr) : renderQrSvg(qr);
  }

  /**
   * Sticker labels (A4, 3 × 8) for the latest version of every certificate and result notice the
   * institution issued for verifications performed on `date`; revoked ones are left out. No
   * certificates: one page saying 当日无证书. The institute's approvers and platform admins.
   */
  async labelSheet(caller: Caller, institutionId: number, date: string): Promise<Buffer> {
    await this.access.requireOn(caller, 'certificate:issue', 'certificate.labels', { type: 'organization', id: institutionId }, { organizationIds: [institutionId] });
    if (!isIsoDate(date)) throw new AppError('JL_ERR_VALIDATION', [fieldError('/date', 'invalid_format')]);
    const institution = await findOrganizationById(this.db, institutionId);
    if (!institution) throw new AppError('JL_ERR_NOT_FOUND');
    const rows = await certs.latestUnrevokedVersionsVerifiedOn(this.db, institutionId, date);
    const labels = rows.map((row): Label => {
      const facts = JSON.parse(row.facts) as CertificateFacts;
      return {
        certificateNo: row.certificate_no,
        kind: facts.kind,
        qrText: row.qr_text,
        serialNo: facts.instrument.serialNo,
        categoryName: facts.instrument.categoryNameZh,
        verifiedOn: facts.verifiedOn,
        validUntil: facts.validUntil,
        institution: facts.institution.name,
      };
    });
    // The newest issue time (or the day itself): the same certificates give the same bytes.
    const createdAt = rows.reduce((latest, row) => Math.max(latest, Date.parse(row.issued_at)), Date.parse(`${date}T00:00:00+08:00`));
    return renderLabelSheet(labels, { date, institution: institution.name, createdAt: new Date(createdAt) });
  }

  /** Public fields and status of the latest version; 404 for an unknown number. */
  async publicView(certificateNo: string): Promise<PublicCertificate> {
    return JSON.parse((await this.publicViewBody(certificateNo)).toString('utf8')) as PublicCertificate;
  }

  /** The public view as JSON (UTF-8), from the certificate's lookup row: one primary-key read. */
  async publicViewBody(certificateNo: string): Promise<Buffer> {
    const record = await this.findLookup(certificateNo);
    if (!record) throw new AppError('JL_ERR_NOT_FOUND');
    return publicBodyFromLookup(record, this.clock.today(), this.clock.now().toISOString());
  }

  /**
   * Fills the lookup table from the history when it is empty while certificates exist — once,
   * after upgrading a database from before the table — in one transaction. Returns the rows written.
   */
  async rebuildLookupIfEmpty(): Promise<number> {
    if (!(await lookup.lookupIsEmpty(this.db)) || !(await certs.certificateNosAfter(this.db, '', 1)).length) return 0;
    return this.db.transaction().execute(async (trx) => {
      let written = 0;
      for (let after = ''; ; ) {
        const numbers = await certs.certificateNosAfter(trx, after, 500);
        if (!numbers.length) return written;
        for (const no of numbers) await this.refreshLookup(trx, no);
        written += numbers.length;
        after = numbers.at(-1)!;
      }
    });
  }

  /** Rewrites the certificate's lookup row from its history, inside the caller's transaction. */
  private async refreshLookup(trx: Kysely<Database>, certificateNo: string): Promise<void> {
    const view = publicViewFromHistory(await certs.versionsOf(trx, certificateNo), await certs.actionsOf(trx, certificateNo), this.clock.today(), this.clock.now().toISOString());
    await lookup.saveLookup(trx, lookupRowOf(view));
  }

  /** Certificates of an instrument (public lookup by registry id), newest first. */
  async publicByInstrument(instrumentId: number): Promise<PublicCertificate[]> {
    const numbers = await certs.certificateNosOfInstrument(this.db, instrumentId);
    return Promise.all(numbers.map((no) => this.publicView(no)));
  }

  /** The internal view: the public one plus the verification id, for callers who may read the instrument. */
  async get(caller: Caller, certificateNo: string): Promise<PublicCertificate & { verificationId: number }> {
    const versions = await certs.versionsOf(this.db, certificateNo);
    if (!versions.length) throw new AppError('JL_ERR_NOT_FOUND');
    const instrument = (await findInstrumentById(this.db, versions[0]!.instrument_id))!;
    await this.access.requireOn(caller, 'registry:read', 'certificate.get', { type: 'certificate', id: certificateNo }, instrumentTenant(instrument));
    return { ...(await this.publicView(certificateNo)), verificationId: versions[0]!.verification_id };
  }

  /** Revoked certificates and keys, signed, for offline verifiers. */
  async revocationList(): Promise<SignedRevocationList> {
    const key = this.keys.signingKey(REVOCATION_KEY_NAME);
    const revoked = await certs.revocations(this.db);
    const keys = (await this.institutionKeys.published()).filter((k) => k.revokedAt);
    return signRevocationList(
      {
        issuer: this.config.issuer,
        asOf: this.clock.now().toISOString(),
        certificates: revoked.map((r) => ({ certificateNo: r.certificate_no, revokedAt: r.at })),
        keys: keys.map((k) => ({ kid: k.kid, revokedAt: k.revokedAt! })),
        superseded: (await certs.amendedCertificates(this.db)).map((r) => ({ certificateNo: r.certificate_no, latestVersion: r.latest })),
      },
      key.keyId,
      key.privateKey,
    );
  }

  /** The published key set: institutions' certificate keys, the log's and the revocation list's. */
  async keySet() {
    const revocations = this.keys.signingKey(REVOCATION_KEY_NAME);
    return {
      issuer: this.config.issuer,
      certificateKeys: await this.institutionKeys.published(),
      revocationListKey: { kid: revocations.keyId, publicKey: revocations.publicKeyRaw, alg: 'EdDSA' as const },
      log: { origin: this.log.origin, verifierKey: this.log.verifierKey() },
    };
  }

  private async authorizeChange(caller: Caller, certificateNo: string, permission: 'certificate:issue' | 'certificate:revoke', action: string): Promise<{ facts: CertificateFacts }> {
    await this.access.require(caller, permission, action);
    const versions = await certs.versionsOf(this.db, certificateNo);
    if (!versions.length) throw new AppError('JL_ERR_NOT_FOUND');
    const target = { type: 'certificate', id: certificateNo };
    await this.access.requireOn(caller, permission, action, target, { organizationIds: [versions[0]!.institution_id] });
    await this.access.requireRecentPassword(caller, action, target);
    return { facts: await certificateFacts(this.db, this.reference, versions[0]!.verification_id) };
  }

  /** Signs a version, appends it to the log and records the action, inside the caller's transaction. */
  private async appendVersion(trx: Kysely<Database>, caller: Caller, facts: CertificateFacts, version: number, reason: string | null, action: 'issue' | 'amend'): Promise<void> {
    const issuedAt = new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000).toISOString();
    const key = await this.institutionKeys.signingKey(trx, facts.institution.id);
    const claims = qrClaimsFromDocument({ ...facts, version, status: 'valid', issuedAt, supersedes: null, revocation: null, qrText: '', verifyUrl: '' });
    const qrText = qrTextForUrl(`${this.config.publicUrl}/v`, encodeQrToken(claims, ed25519Signer(key.privateKey)));
    const logIndex = await this.log.nextIndex(trx);
    await certs.insertVersion(trx, {
      certificate_no: facts.certificateNo,
      version,
      verification_id: facts.verificationId,
      institution_id: facts.institution.id,
      instrument_id: facts.instrument.id,
      kind: facts.kind,
      issued_at: issuedAt,
      valid_until: facts.validUntil,
      key_id: key.keyId,
      claims: JSON.stringify(claims),
      facts: JSON.stringify(facts),
      qr_text: qrText,
      amend_reason: reason,
      log_index: logIndex,
      leaf_hash: leafHashHex(leafInput({ certificateNo: facts.certificateNo, version, issuedAt, qrText })),
    });
    await certs.insertAction(trx, { certificate_no: facts.certificateNo, version, action, at: issuedAt, reason });
    await this.refreshLookup(trx, facts.certificateNo);
    await this.audit.append(trx, auditEntry(caller, `certificate.${action}`, 'ok', { type: 'certificate', id: facts.certificateNo }, { version, logIndex, keyId: key.keyId }));
  }
}

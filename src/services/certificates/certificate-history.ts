// A certificate's history (domain/certificates/certificate-status.ts) from its stored rows, and the
// summary of its latest version with its status derived from that history by `certificateStatus`,
// as the public view derives it (public-view.ts).
import type { CertificateActionRow, CertificateVersionRow } from '../../store/repositories/certificate-repository.ts';
import { certificateStatus, latestVersion, type CertificateAction, type CertificateHistory } from '../../domain/certificates/certificate-status.ts';
import type { CertificateSummary } from '../schemas/certificate.ts';

type VersionFields = Pick<CertificateVersionRow, 'version' | 'valid_until'>;
type ActionFields = Pick<CertificateActionRow, 'action' | 'version' | 'at' | 'reason'>;

/** The history of one certificate from its version rows and action rows (each in stored order). */
export function historyFromRows(versions: readonly VersionFields[], actions: readonly ActionFields[]): CertificateHistory {
  return {
    versions: versions.map((v) => ({ version: v.version, validUntil: v.valid_until })),
    actions: actions.map((a) => ({ action: a.action as CertificateAction, version: a.version, at: a.at, reason: a.reason })),
  };
}

/**
 * The summary of each certificate among the rows, keyed by the verification it was issued for:
 * number, latest version, that version's issue time and its status on `today`. The rows may mix
 * several certificates (e.g. all of an instrument's).
 */
export function certificateSummariesByVerification(
  versions: readonly (VersionFields & Pick<CertificateVersionRow, 'certificate_no' | 'verification_id' | 'issued_at'>)[],
  actions: readonly (ActionFields & Pick<CertificateActionRow, 'certificate_no'>)[],
  today: string,
): Map<number, CertificateSummary> {
  const versionsByNo = groupBy(versions, (v) => v.certificate_no);
  const actionsByNo = groupBy(actions, (a) => a.certificate_no);
  const summaries = new Map<number, CertificateSummary>();
  for (const [certificateNo, rows] of versionsByNo) {
    const history = historyFromRows(rows, actionsByNo.get(certificateNo) ?? []);
    const version = latestVersion(history);
    const latest = rows.find((r) => r.version === version)!;
    summaries.set(latest.verification_id, { certificateNo, version, status: certificateStatus(history, version, today), issuedAt: latest.issued_at });
  }
  return summaries;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

// A certificate's state, derived from its history (DESIGN §2): its issued versions and the
// actions taken on it. Nothing about a certificate is ever updated in place.
import type { CertificateStatus } from './certificate-document.ts';

export const CERTIFICATE_ACTIONS = ['issue', 'amend', 'revoke'] as const;
export type CertificateAction = (typeof CERTIFICATE_ACTIONS)[number];

export interface CertificateHistoryAction {
  readonly action: CertificateAction;
  readonly version: number;
  readonly at: string;
  readonly reason: string | null;
}

export interface CertificateHistory {
  /** Versions in order, each with its valid-until date (null: no expiry, e.g. a result notice). */
  readonly versions: readonly { readonly version: number; readonly validUntil: string | null }[];
  readonly actions: readonly CertificateHistoryAction[];
}

export function latestVersion(history: CertificateHistory): number {
  return Math.max(0, ...history.versions.map((v) => v.version));
}

export function revocationOf(history: CertificateHistory): CertificateHistoryAction | null {
  return history.actions.find((a) => a.action === 'revoke') ?? null;
}

/**
 * The status of one version on a civil date: revoked (the whole certificate, every version) wins,
 * then superseded (a later version exists), then expired (past valid-until), else valid.
 */
export function certificateStatus(history: CertificateHistory, version: number, today: string): CertificateStatus {
  if (revocationOf(history)) return 'revoked';
  if (version < latestVersion(history)) return 'superseded';
  const validUntil = history.versions.find((v) => v.version === version)?.validUntil ?? null;
  if (validUntil !== null && validUntil < today) return 'expired';
  return 'valid';
}

/** Which actions the history allows next: nothing after a revocation. */
export function allowedActions(history: CertificateHistory): CertificateAction[] {
  if (!history.versions.length) return ['issue'];
  return revocationOf(history) ? [] : ['amend', 'revoke'];
}

// The public view of a certificate (`GET /api/v1/public/certificates/{no}`): what anyone may see,
// no personal data. Shared by the server (services/certificates/public-view.ts) and the web.
import type { CertificateDocument, CertificateStatus } from './certificate-document.ts';
import type { CertificateAction } from './certificate-status.ts';

/** Public fields only (signatories' names stay on the printed certificate). */
export interface PublicCertificate {
  readonly certificateNo: string;
  readonly version: number;
  readonly kind: CertificateDocument['kind'];
  readonly status: CertificateStatus;
  /** ISO instant the server computed the status. */
  readonly statusAsOf: string;
  readonly conclusion: CertificateDocument['conclusion'];
  readonly verifiedOn: string;
  readonly validUntil: string | null;
  readonly issuedAt: string;
  readonly revocation: CertificateDocument['revocation'];
  readonly instrument: Pick<CertificateDocument['instrument'], 'id' | 'categoryCode' | 'categoryNameZh' | 'categoryNameEn' | 'manufacturer' | 'model' | 'serialNo'>;
  readonly owner: { readonly name: string };
  readonly institution: { readonly id: number; readonly name: string };
  /** The signed QR text: `<publicUrl>/v#JL1:…`. */
  readonly qr: string;
  readonly keyId: string;
  readonly log: { readonly index: number; readonly leafHash: string; readonly leafInput: string };
  readonly versions: readonly PublicVersion[];
  readonly actions: readonly { readonly action: CertificateAction; readonly version: number; readonly at: string }[];
}

export interface PublicVersion {
  readonly version: number;
  readonly issuedAt: string;
  readonly amendReason: string | null;
  readonly status: CertificateStatus;
}

// The public side of certificates: the public view's shape and the addresses anyone may open
// (verification page, PDF, DCC XML, QR image, inclusion proof). No runtime imports, so the public
// verification page can use it without pulling in the signed-in client.
export type CertificateStatus = 'valid' | 'expired' | 'revoked' | 'superseded';
export type CertificateKind = 'certificate' | 'result_notice';

/** GET /api/v1/public/certificates/{no}: public fields only, no personal data. */
export interface PublicCertificate {
  readonly certificateNo: string;
  readonly version: number;
  readonly kind: CertificateKind;
  readonly status: CertificateStatus;
  /** ISO instant the server computed the status. */
  readonly statusAsOf: string;
  readonly conclusion: 'pass' | 'fail';
  readonly verifiedOn: string;
  readonly validUntil: string | null;
  readonly issuedAt: string;
  readonly revocation: { readonly at: string; readonly reason: string } | null;
  readonly instrument: {
    readonly id: number;
    readonly categoryCode: string;
    readonly categoryNameZh: string;
    readonly categoryNameEn: string;
    readonly manufacturer: string;
    readonly model: string;
    readonly serialNo: string;
  };
  readonly owner: { readonly name: string };
  readonly institution: { readonly id: number; readonly name: string };
  /** The signed QR text: `<publicUrl>/v#JL1:…`. */
  readonly qr: string;
  readonly keyId: string;
  readonly log: { readonly index: number; readonly leafHash: string; readonly leafInput: string };
  readonly versions: readonly { readonly version: number; readonly issuedAt: string; readonly status: CertificateStatus; readonly amendReason: string | null }[];
  readonly actions: readonly { readonly action: 'issue' | 'amend' | 'revoke'; readonly version: number; readonly at: string }[];
}

const enc = encodeURIComponent;

/** Public addresses of a certificate; none needs a session. */
export const certificateLinks = {
  page: (no: string) => `/v/${enc(no)}`,
  pdf: (no: string) => `/api/v1/public/certificates/${enc(no)}.pdf`,
  dcc: (no: string) => `/api/v1/public/certificates/${enc(no)}.xml`,
  proof: (no: string) => `/api/v1/public/certificates/${enc(no)}/proof`,
  qrPng: (no: string) => `/api/v1/public/certificates/${enc(no)}/qr.png`,
  qrSvg: (no: string) => `/api/v1/public/certificates/${enc(no)}/qr.svg`,
};

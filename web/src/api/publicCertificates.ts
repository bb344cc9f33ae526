// The public side of certificates: the public view's shape and the addresses anyone may open
// (verification page, PDF, DCC XML, QR image, inclusion proof). No runtime imports, so the public
// verification page can use it without pulling in the signed-in client.
/** GET /api/v1/public/certificates/{no}: the server's own type (pure domain, type-only import). */
export type { PublicCertificate } from '../../../src/domain/certificates/public-certificate.ts';
export type { CertificateKind, CertificateStatus } from '../../../src/domain/certificates/certificate-document.ts';

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

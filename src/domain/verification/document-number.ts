// Document numbers are numbered per institution and year: J = 检定证书 (certificate),
// T = 检定结果通知书 (result notice). Example: J2026-0007-000123.

export type DocumentKind = 'certificate' | 'result_notice';

export function formatDocumentNo(kind: DocumentKind, institutionId: number, year: number, sequence: number): string {
  const prefix = kind === 'certificate' ? 'J' : 'T';
  return `${prefix}${year}-${String(institutionId).padStart(4, '0')}-${String(sequence).padStart(6, '0')}`;
}

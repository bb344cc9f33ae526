// Text and number formatting shared by the certificate renderers (PDF, DCC XML): one place decides
// how an error, a maximum permissible error, an item's verdict or a date reads, so both exports agree.
import type { CertificateDocument, CertificateItem } from '../../domain/certificates/certificate-document.ts';
import { itemPasses } from '../../domain/verification/types.ts';

/**
 * Characters no certificate should carry: everything outside XML 1.0's Char production (C0 controls
 * other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) plus DEL and the C1 controls, which XML allows
 * but discourages and which no font draws.
 */
const DISALLOWED = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text with every character a document cannot carry dropped; tabs, line feeds and returns are kept. */
export function sanitizeText(text: string): string {
  return text.replace(DISALLOWED, '');
}

/** Sanitized, with all whitespace runs (line breaks included) collapsed to one space and trimmed. */
export function singleLine(text: string): string {
  return sanitizeText(text).replace(/\s+/gu, ' ').trim();
}

/**
 * A number as a certificate prints it: at most 12 significant digits, so binary noise from
 * arithmetic (0.1 + 0.2) does not show, and no exponent for ordinary magnitudes. Non-finite
 * numbers read as "—".
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  return String(Number(value.toPrecision(12)));
}

/** An error with its sign, as verification records print it: +0.5, -0.3, 0. */
export function formatSigned(value: number): string {
  const text = formatNumber(value);
  return value > 0 && Number.isFinite(value) ? `+${text}` : text;
}

export interface MpeBounds {
  readonly lower: number;
  readonly upper: number;
}

export function mpeBounds(mpe: CertificateItem['mpe']): MpeBounds {
  return typeof mpe === 'number' ? { lower: -Math.abs(mpe), upper: Math.abs(mpe) } : { lower: mpe.lower, upper: mpe.upper };
}

/** ±0.5 for a symmetric bound, "-4 ~ +1" for an asymmetric pair. */
export function formatMpe(mpe: CertificateItem['mpe']): string {
  if (typeof mpe === 'number') return `±${formatNumber(Math.abs(mpe))}`;
  return `${formatSigned(mpe.lower)} ~ ${formatSigned(mpe.upper)}`;
}

/**
 * Whether the item conforms: the decision rule's verdict when the item carries one (JCGM 106),
 * otherwise the plain comparison of the error with its maximum permissible error.
 */
export function itemAccepted(item: CertificateItem): boolean {
  return item.decision ? item.decision.accept : itemPasses(item);
}

/** The standard uncertainty reported as an expanded uncertainty with k = 2 (JJF 1059.1, GUM 6.2). */
export const COVERAGE_FACTOR = 2;
export const COVERAGE_PROBABILITY = 0.95;

/** The expanded uncertainty U = k·u of the item, or null when it has no usable standard uncertainty. */
export function expandedUncertainty(item: CertificateItem): number | null {
  const u = item.u;
  if (u === undefined || !Number.isFinite(u) || u < 0) return null;
  return Number((COVERAGE_FACTOR * u).toPrecision(12));
}

/** A probability in [0, 1] as a percentage with three significant digits: 0.9772 → "97.7 %". */
export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return '—';
  return `${Number((p * 100).toPrecision(3))} %`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

/** The civil date (YYYY-MM-DD) of an instant in China Standard Time (UTC+8, no daylight saving). */
export function chinaDate(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`not an ISO instant: ${JSON.stringify(instant)}`);
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 2025-03-14 → "2025 年 03 月 14 日", the way a certificate cover writes dates. */
export function chineseDate(isoDate: string): string {
  if (!isIsoDate(isoDate)) return singleLine(isoDate);
  const [y, m, d] = isoDate.split('-');
  return `${y} 年 ${m} 月 ${d} 日`;
}

export interface KindTitle {
  readonly zh: string;
  readonly en: string;
}

export function kindTitle(kind: CertificateDocument['kind']): KindTitle {
  return kind === 'certificate'
    ? { zh: '检定证书', en: 'Verification Certificate' }
    : { zh: '检定结果通知书', en: 'Notification of Verification Result' };
}

/** "合格" / "不合格", with the accuracy class when the instrument has one (JJF 1002 Annex G). */
export function conclusionText(doc: CertificateDocument): { zh: string; en: string } {
  const cls = doc.instrument.accuracyClass ? singleLine(doc.instrument.accuracyClass) : '';
  const pass = doc.conclusion === 'pass';
  const zh = pass ? '合格' : '不合格';
  const en = pass ? 'Pass' : 'Fail';
  if (!cls) return { zh, en };
  return { zh: `${zh}（准确度等级 ${cls}）`, en: `${en} (accuracy class ${cls})` };
}

export function statusWatermark(status: CertificateDocument['status']): KindTitle | null {
  if (status === 'revoked') return { zh: '作废', en: 'REVOKED' };
  if (status === 'superseded') return { zh: '已被替代', en: 'SUPERSEDED' };
  return null;
}

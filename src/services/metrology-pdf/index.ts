// The PDF report of one metrology calculation (`POST /api/v1/metrology/<kind>/report.pdf`,
// `jiliang metrology <kind> --pdf`): A4, the title of the kind in Chinese and English, the input
// as the engine read it, the result tables and verdicts, and vector charts (GUM contributions,
// the Monte Carlo histogram with its coverage intervals, control charts with their limits, the
// conformity picture, gauge R&R components). Every page carries "page x of y" and a footer line.
// Noto Sans Hans is embedded as a subset (../pdf/cjk-font.ts).
// The output is deterministic: without `generatedAt` the footer says that no time was recorded and
// the PDF's dates are the Unix epoch (the reproducible-builds convention), so the same input gives
// the same bytes; with it the time is printed in the footer and stored as the PDF's dates.
import type { MetrologyKind } from '../../metrology/index.ts';
import { pdfBuffer } from '../pdf/cjk-font.ts';
import { newA4Document } from '../pdf/document.ts';
import { KIND_REPORTS, KIND_TITLES, type KindTitle } from './kinds.ts';
import { BOTTOM, CW, LIGHT_RULE, MUTED, MX, PAGE_H, PAGE_W, Report, TOP } from './layout.ts';

export { KIND_TITLES } from './kinds.ts';
export { estimate, sig } from './format.ts';

export interface MetrologyPdfOptions {
  /** An ISO instant: printed in the footer (China Standard Time) and stored as the PDF's creation date. */
  readonly generatedAt?: string;
}

/** The PDF's dates when no time is given: 1970-01-01T00:00:00Z, read as "no date" (SOURCE_DATE_EPOCH = 0). */
const NO_DATE = new Date(0);

function chinaTime(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')}（UTC+8）`;
}

function heading(r: Report, title: KindTitle): void {
  let y = TOP - 4;
  y += r.draw([{ text: title.zh, size: 19, bold: true }], MX, y, CW) + 1;
  y += r.draw([{ text: title.en, size: 11, color: MUTED }], MX, y, CW) + 3;
  y += r.draw([{ text: `依据 Basis：${title.basis}`, size: 8, color: MUTED }], MX, y, CW) + 6;
  r.rule(y, MX, PAGE_W - MX, '#1a1a1a', 0.8);
  r.y = y + 4;
}

function decorate(r: Report, title: KindTitle, at: Date | null): void {
  const pdf = r.doc;
  const { start, count } = pdf.bufferedPageRange();
  const generated = at
    ? `生成时间 Generated ${chinaTime(at)} · Jiliang 计量`
    : 'Jiliang 计量 · 未记录生成时间：相同输入生成相同文件 · No time recorded: same input, same file';
  for (let n = 0; n < count; n++) {
    pdf.switchToPage(start + n);
    r.label('Jiliang 计量 · 计量计算报告 Metrology calculation report', MX, 34, 8, { color: MUTED });
    r.label(title.zh, PAGE_W - MX, 34, 8, { color: MUTED, align: 'right', width: CW * 0.5 });
    r.rule(47, MX, PAGE_W - MX, LIGHT_RULE, 0.5);
    r.rule(PAGE_H - 50, MX, PAGE_W - MX, LIGHT_RULE, 0.5);
    r.label(generated, MX, PAGE_H - 44, 7, { color: MUTED, width: CW * 0.74 });
    r.label(`第 ${n + 1} 页 共 ${count} 页  Page ${n + 1} of ${count}`, PAGE_W - MX, PAGE_H - 44, 7.5, { color: MUTED, align: 'right', width: CW * 0.26 });
  }
}

/** Renders the calculation (the validated input and the engine's result for it) as an A4 PDF. */
export async function metrologyReportPdf(kind: MetrologyKind, input: unknown, result: unknown, options: MetrologyPdfOptions = {}): Promise<Buffer> {
  const title = KIND_TITLES[kind];
  const at = options.generatedAt === undefined ? null : new Date(options.generatedAt);
  if (at && Number.isNaN(at.getTime())) throw new Error(`generatedAt is not an ISO instant: ${JSON.stringify(options.generatedAt)}`);
  const pdf = newA4Document({
    title: `${title.zh} ${title.en}`,
    subject: `Jiliang metrology: ${kind}`,
    createdAt: at ?? NO_DATE,
    margins: { top: TOP, bottom: BOTTOM, left: MX, right: MX },
  });
  const done = pdfBuffer(pdf);
  const r = new Report(pdf);
  heading(r, title);
  KIND_REPORTS[kind](r, input, result as never);
  decorate(r, title, at);
  pdf.end();
  return done;
}

// The certificate (检定证书) or result notice (检定结果通知书) as an A4 PDF, laid out after JJF 1002-2010
// Annex G: a cover page with the parties, the instrument, the conclusion, the signatories, the dates
// and the QR code for offline verification; inner pages with the regulation, the standards used, the
// place and conditions, the results per item, notes and the end-of-content mark (以下空白). Every
// page carries the certificate number, "page x of y" and a footer; revoked and superseded versions
// carry a watermark. Noto Sans Hans (SIL OFL, npm @embedpdf/fonts-sc) is embedded as a subset.
// The output is deterministic: the PDF dates and file ID come from doc.issuedAt.
import type { CertificateDocument, CertificateItem, UncertaintyBudget } from '../../domain/certificates/certificate-document.ts';
import { pdfBuffer } from '../pdf/cjk-font.ts';
import { newA4Document } from '../pdf/document.ts';
import { BOLD, INK, REGULAR, TextLines, type Line } from '../pdf/text-lines.ts';
import {
  chinaDate,
  chineseDate,
  conclusionText,
  COVERAGE_FACTOR,
  expandedUncertainty,
  formatMpe,
  formatNumber,
  formatPercent,
  formatSigned,
  itemAccepted,
  kindTitle,
  singleLine,
  statusWatermark,
} from './certificate-text.ts';

export { cjkFontDirectory } from '../pdf/cjk-font.ts';

export interface CertificatePdfOptions {
  /** The QR code (PNG) carrying doc.qrText, printed on the cover. */
  readonly qrPng: Buffer;
}

// ---------------------------------------------------------------------------------------------
// Page geometry (points; A4 = 595.28 × 841.89).

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MX = 50;
const TOP = 74;
const BOTTOM = 74;
const CW = PAGE_W - 2 * MX;
const MAX_Y = PAGE_H - BOTTOM;

const MUTED = '#6b6b6b';
const RULE = '#9a9a9a';
const FAIL = '#b3261e';
const FAIL_BG = '#fbe9e7';
const HEAD_BG = '#eef1f4';

/** Lines of text (../pdf/text-lines.ts, the unit every block below is built from), page breaks and rules. */
class Writer extends TextLines {
  /** Starts a new page when fewer than `height` points are left. */
  ensure(height: number): void {
    if (this.doc.y + height > MAX_Y) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.y = TOP;
  }

  rule(y: number, x1 = MX, x2 = PAGE_W - MX, color = RULE, width = 0.5): void {
    this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore();
  }
}

// ---------------------------------------------------------------------------------------------
// Cover page.

interface Field {
  readonly zh: string;
  readonly en: string;
  readonly value: readonly Line[];
}

const value = (text: string, extra: Partial<Line> = {}): Line => ({ text: singleLine(text) || '—', size: 11.5, ...extra });
const valueEn = (text: string): Line => ({ text: singleLine(text), size: 8, color: MUTED });

function fieldRows(w: Writer, fields: readonly Field[], x: number, labelW: number, valueW: number): void {
  const { doc } = w;
  for (const field of fields) {
    const label: Line[] = [
      { text: field.zh, size: 10, bold: true },
      { text: field.en, size: 7, color: MUTED },
    ];
    const h = Math.max(w.measure(label, labelW, 0), w.measure(field.value, valueW)) + 4;
    w.ensure(h + 3);
    const y = doc.y;
    w.draw(label, x, y, labelW, 0);
    w.draw(field.value, x + labelW + 10, y + 1, valueW);
    w.rule(y + h - 1, x + labelW + 6, x + labelW + 10 + valueW, '#c4c4c4', 0.4);
    doc.y = y + h + 3;
  }
}

/** Fields side by side (signatories, dates): label above, value on an underline. */
function fieldColumns(w: Writer, fields: readonly Field[], x: number, width: number, gap = 18): void {
  const { doc } = w;
  const colW = (width - gap * (fields.length - 1)) / fields.length;
  const blocks = fields.map((f): Line[] => [{ text: `${f.zh}  `, size: 10, bold: true }, { text: f.en, size: 7, color: MUTED }]);
  const labelH = Math.max(...blocks.map((b) => w.measure(b, colW, 0)));
  const valueH = Math.max(...fields.map((f) => w.measure(f.value, colW)));
  w.ensure(labelH + valueH + 10);
  const y = doc.y;
  fields.forEach((f, i) => {
    const cx = x + i * (colW + gap);
    w.draw(blocks[i] ?? [], cx, y, colW, 0);
    w.draw(f.value, cx, y + labelH + 2, colW);
    w.rule(y + labelH + valueH + 4, cx, cx + colW, '#c4c4c4', 0.4);
  });
  doc.y = y + labelH + valueH + 12;
}

function cover(w: Writer, doc: CertificateDocument, qrPng: Buffer): void {
  const pdf = w.doc;
  const title = kindTitle(doc.kind);
  let y = TOP - 2;
  y += w.draw([{ text: doc.institution.name, size: 14, bold: true, align: 'center' }], MX, y, CW) + 12;
  pdf.font(BOLD).fontSize(30).fillColor(INK);
  pdf.text(title.zh, MX, y, { width: CW, align: 'center' });
  y += pdf.heightOfString(title.zh, { width: CW }) + 2;
  y += w.draw([{ text: title.en.toUpperCase(), size: 12, color: MUTED, align: 'center' }], MX, y, CW) + 10;
  y += w.draw([{ text: `证书编号 Certificate No.  ${singleLine(doc.certificateNo)}`, size: 12, bold: true, align: 'center' }], MX, y, CW);
  if (doc.version > 1 || doc.supersedes) {
    const prev = doc.supersedes ? `，替代第 ${doc.supersedes.version} 版 / supersedes version ${doc.supersedes.version}` : '';
    y += w.draw([{ text: `第 ${doc.version} 版 Version ${doc.version}${prev}`, size: 9, color: MUTED, align: 'center' }], MX, y + 2, CW) + 2;
  }
  pdf.y = y + 14;

  const conclusion = conclusionText(doc);
  const failed = doc.conclusion !== 'pass';
  const i = doc.instrument;
  const x = MX + 12;
  const labelW = 118;
  const valueW = CW - labelW - 34;
  fieldRows(
    w,
    [
      { zh: '送检单位', en: 'Client', value: [value(doc.owner.name)] },
      { zh: '计量器具名称', en: 'Name of instrument', value: [value(i.categoryNameZh), valueEn(i.categoryNameEn)] },
      { zh: '型号/规格', en: 'Model / specification', value: [value(i.model)] },
      { zh: '出厂编号', en: 'Serial number', value: [value(i.serialNo)] },
      { zh: '制造单位', en: 'Manufacturer', value: [value(i.manufacturer)] },
      { zh: '检定依据', en: 'Verification regulation', value: [value(doc.regulation)] },
      {
        zh: '检定结论',
        en: 'Conclusion',
        value: [value(conclusion.zh, { bold: true, size: 13, color: failed ? FAIL : INK }), valueEn(conclusion.en)],
      },
    ],
    x,
    labelW,
    valueW,
  );
  pdf.y += 10;
  fieldColumns(
    w,
    [
      { zh: '批准人', en: 'Approved by', value: [value(doc.approver)] },
      { zh: '核验员', en: 'Checked by', value: [value(doc.checker)] },
      { zh: '检定员', en: 'Verified by', value: [value(doc.verifier)] },
    ],
    x,
    CW - 24,
  );
  pdf.y += 2;
  const dates: Field[] = [{ zh: '检定日期', en: 'Date of verification', value: [value(chineseDate(doc.verifiedOn))] }];
  if (doc.kind === 'certificate') {
    dates.push({
      zh: '有效期至',
      en: 'Valid until',
      value: doc.validUntil ? [value(chineseDate(doc.validUntil))] : [value('—'), valueEn('无检定周期（首次检定）/ no verification cycle')],
    });
  } else {
    dates.push({ zh: '签发日期', en: 'Date of issue', value: [value(chineseDate(chinaDate(doc.issuedAt)))] });
  }
  fieldColumns(w, dates, x, CW - 24, 40);

// Institution and QR code, at the foot of the cover.
  const qr = 88;
  const blockH = qr + 30;
  const blockY = Math.max(pdf.y + 12, MAX_Y - blockH);
  if (blockY + blockH > MAX_Y + 1) w.newPage();
  const by = blockY + blockH > MAX_Y + 1 ? TOP : blockY;
  w.rule(by - 6, MX, PAGE_W - MX, '#c4c4c4', 0.4);
  const leftW = CW - qr - 24;
  let ly = by;
  ly += w.draw([{ text: doc.institution.name, size: 10, bold: true }], MX, ly, leftW) + 3;
  const contact: Line[] = [];
  if (doc.institution.address) contact.push({ text: `地址 Address：${singleLine(doc.institution.address)}`, size: 8.5 });
  if (doc.institution.uscc) contact.push({ text: `统一社会信用代码 USCC：${singleLine(doc.institution.uscc)}`, size: 8.5 });
  contact.push({ text: `核验网址 Verify at：${singleLine(doc.verifyUrl)}`, size: 8, color: MUTED });
  w.draw(contact, MX, ly, leftW, 2);
  const qx = PAGE_W - MX - qr;
  pdf.image(qrPng, qx, by, { fit: [qr, qr] });
  w.draw([{ text: '扫码核验 / scan to verify', size: 7.5, color: MUTED, align: 'center' }], qx - 10, by + qr + 3, qr + 20);
}

// ---------------------------------------------------------------------------------------------
// Inner pages.

function section(w: Writer, zh: string, en: string): void {
  w.ensure(48);
  const { doc } = w;
  const y = doc.y + 6;
  doc.font(BOLD).fontSize(11.5).fillColor(INK).text(w.clean(zh), MX, y, { lineBreak: false });
  const zhWidth = doc.widthOfString(w.clean(zh));
  doc.font(REGULAR).fontSize(8.5).fillColor(MUTED).text(en, MX + zhWidth + 8, y + 3.5, { lineBreak: false });
  doc.y = y + 18;
  w.rule(doc.y - 2, MX, PAGE_W - MX, '#c4c4c4', 0.4);
  doc.y += 4;
}

function paragraph(w: Writer, lines: readonly Line[], indent = 0): void {
  const h = w.measure(lines, CW - indent);
  w.ensure(h);
  w.doc.y += w.draw(lines, MX + indent, w.doc.y, CW - indent) + 4;
}

type Cell = string | readonly Line[];

interface Column {
  readonly zh: string;
  readonly en: string;
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
}

interface Row {
  readonly cells: readonly Cell[];
  readonly highlight?: boolean;
}

const PAD = 4;
const CELL_MAX = 400; // characters: a pathological cell must not outgrow a page

function cellLines(cell: Cell, align: Line['align'], size: number): readonly Line[] {
  if (typeof cell !== 'string') return cell.map((l) => ({ align, ...l }));
  const text = cell.length > CELL_MAX ? `${cell.slice(0, CELL_MAX)}…` : cell;
  return [{ text, size, align }];
}

/** A table that breaks across pages, repeating its header row (after `continued`), highlighting rows on request. */
function table(w: Writer, columns: readonly Column[], rows: readonly Row[], continued: string, size = 8.5): void {
  const { doc } = w;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * CW);
  const header = columns.map((c): readonly Line[] => [
    { text: c.zh, size: 8.5, bold: true, align: 'center' },
    { text: c.en, size: 6.5, color: MUTED, align: 'center' },
  ]);
  const rowHeight = (cells: readonly (readonly Line[])[]) => Math.max(...cells.map((lines, i) => w.measure(lines, (widths[i] ?? 0) - 2 * PAD, 0.5))) + 2 * PAD;
  const drawRow = (cells: readonly (readonly Line[])[], h: number, fill: string | null) => {
    const y = doc.y;
    let x = MX;
    if (fill) doc.save().rect(MX, y, CW, h).fillColor(fill).fill().restore();
    cells.forEach((lines, i) => {
      const cw = widths[i] ?? 0;
      w.draw(lines, x + PAD, y + PAD, cw - 2 * PAD, 0.5);
      doc.save().rect(x, y, cw, h).lineWidth(0.4).strokeColor(RULE).stroke().restore();
      x += cw;
    });
    doc.y = y + h;
  };
  const headerH = rowHeight(header);
  const drawHeader = () => drawRow(header, headerH, HEAD_BG);
  const first = rows[0];
  const firstH = first ? rowHeight(first.cells.map((c, i) => cellLines(c, columns[i]?.align, size))) : 0;
  w.ensure(headerH + firstH);
  drawHeader();
  for (const row of rows) {
    const cells = row.cells.map((c, i) => cellLines(c, columns[i]?.align, size));
    const h = rowHeight(cells);
    if (doc.y + h > MAX_Y) {
      w.newPage();
      doc.y += w.draw([{ text: continued, size: 8.5, color: MUTED }], MX, doc.y, CW) + 3;
      drawHeader();
    }
    drawRow(cells, h, row.highlight ? FAIL_BG : null);
  }
  doc.y += 6;
}

function verdictCell(item: CertificateItem): readonly Line[] {
  const ok = itemAccepted(item);
  const lines: Line[] = [{ text: ok ? '合格' : '不合格', size: 8.5, bold: !ok, color: ok ? INK : FAIL }];
  const d = item.decision;
  if (d) {
    const parts = [singleLine(d.rule)];
    if (d.pc !== undefined) parts.push(`pc ${formatPercent(d.pc)}`);
    if (d.specificRisk !== undefined) parts.push(`R ${formatPercent(d.specificRisk)}`);
    lines.push({ text: parts.join(' · '), size: 6.5, color: MUTED });
  }
  return lines;
}

/** The GUM budget recorded with a calibration (JCGM 100): model, result and one row per input. */
function uncertaintyBudget(w: Writer, budget: UncertaintyBudget): void {
  section(w, '测量不确定度评定', 'Evaluation of measurement uncertainty (JCGM 100)');
  const models = typeof budget.model === 'string' ? { y: budget.model } : budget.model;
  for (const [name, q] of Object.entries(budget.outputs)) {
    paragraph(w, [
      { text: `测量模型 Model：${name} = ${singleLine(models[name] ?? '')}`, size: 9.5 },
      {
        text: `${name} = ${formatNumber(q.value)}，u = ${formatNumber(q.u)}，ν_eff = ${q.dof === null ? '∞' : formatNumber(q.dof)}，k = ${formatNumber(q.k)}，U = ${formatNumber(q.U)}（p = ${formatPercent(q.p)}）`,
        size: 9.5,
        bold: true,
      },
    ]);
    table(
      w,
      [
        { zh: '输入量', en: 'Input', width: 24 },
        { zh: '标准不确定度 u(xᵢ)', en: 'u(xᵢ)', width: 19, align: 'right' },
        { zh: '灵敏系数 cᵢ', en: 'Sensitivity cᵢ', width: 19, align: 'right' },
        { zh: '分量 |cᵢ|u(xᵢ)', en: 'Component', width: 19, align: 'right' },
        { zh: '自由度', en: 'DoF', width: 9, align: 'right' },
        { zh: '占比', en: 'Share', width: 10, align: 'right' },
      ],
      q.budget.map((b) => ({
        cells: [singleLine(b.input), formatNumber(b.u), formatNumber(b.sensitivity), formatNumber(b.contribution), b.dof === null ? '∞' : formatNumber(b.dof), `${formatNumber(b.percent)} %`],
      })),
      '测量不确定度评定（续） Evaluation of measurement uncertainty (continued)',
    );
  }
}

function inner(w: Writer, doc: CertificateDocument): void {
  const pdf = w.doc;
  w.newPage();

  section(w, '检定依据', 'Verification regulation');
  paragraph(w, [{ text: singleLine(doc.regulation) || '—', size: 10 }]);

  section(w, '检定所使用的计量标准器', 'Measurement standards used');
  if (doc.standards.length === 0) paragraph(w, [{ text: '—', size: 10 }]);
  else
    table(
      w,
      [
        { zh: '名称', en: 'Name', width: 30 },
        { zh: '测量范围', en: 'Measuring range', width: 19 },
        { zh: '不确定度/准确度等级/最大允许误差', en: 'Uncertainty / class / MPE', width: 21 },
        { zh: '证书编号', en: 'Certificate No.', width: 17 },
        { zh: '有效期至', en: 'Valid until', width: 13, align: 'center' },
      ],
      doc.standards.map((s) => ({
        cells: [singleLine(s.name), singleLine(s.measuringRange ?? '') || '—', singleLine(s.uncertainty ?? '') || '—', singleLine(s.certificateNo ?? '') || '—', singleLine(s.validUntil ?? '') || '—'],
      })),
      '检定所使用的计量标准器（续） Measurement standards used (continued)',
    );

  section(w, '检定地点及环境条件', 'Place and environmental conditions');
  const env = doc.environment;
  const conditions: string[] = [];
  if (env.temperatureC !== undefined) conditions.push(`温度 Temperature：${formatNumber(env.temperatureC)} ℃`);
  if (env.humidityPct !== undefined) conditions.push(`相对湿度 Relative humidity：${formatNumber(env.humidityPct)} %`);
  if (env.other) conditions.push(`其他 Other：${singleLine(env.other)}`);
  paragraph(w, [
    { text: `检定地点 Place：${singleLine(doc.place) || '—'}`, size: 10 },
    { text: conditions.length > 0 ? conditions.join('　　') : '环境条件 Conditions：—', size: 10 },
  ]);

  section(w, '检定结果', 'Results of verification');
  const hasU = doc.items.some((i) => expandedUncertainty(i) !== null);
  const columns: Column[] = [
    { zh: '序号', en: 'No.', width: 5, align: 'center' },
    { zh: '检定项目', en: 'Item', width: hasU ? 30 : 36 },
    { zh: '示值误差', en: 'Error', width: 11, align: 'right' },
    { zh: '最大允许误差', en: 'MPE', width: 13, align: 'right' },
    { zh: '单位', en: 'Unit', width: 7, align: 'center' },
    ...(hasU ? [{ zh: `U (k=${COVERAGE_FACTOR})`, en: 'Expanded unc.', width: 10, align: 'right' as const }] : []),
    { zh: '判定', en: 'Decision', width: 18, align: 'center' },
  ];
  if (doc.items.length === 0) paragraph(w, [{ text: '—', size: 10 }]);
  else
    table(
      w,
      columns,
      doc.items.map((item, index) => {
        const U = expandedUncertainty(item);
        const cells: Cell[] = [
          String(index + 1),
          singleLine(item.name),
          formatSigned(item.error),
          formatMpe(item.mpe),
          singleLine(item.unit ?? '') || '—',
          ...(hasU ? [U === null ? '—' : formatNumber(U)] : []),
          verdictCell(item),
        ];
        return { cells, highlight: !itemAccepted(item) };
      }),
      '检定结果（续） Results of verification (continued)',
    );
  const conclusion = conclusionText(doc);
  paragraph(w, [
    { text: `检定结论 Conclusion：${conclusion.zh}  ${conclusion.en}`, size: 10.5, bold: true, color: doc.conclusion === 'pass' ? INK : FAIL },
    { text: `检定中是否经过调整 Adjusted during verification：${doc.adjusted ? '是 Yes' : '否 No'}`, size: 10 },
  ]);

  if (doc.uncertaintyBudget) uncertaintyBudget(w, doc.uncertaintyBudget);

  const failed = doc.items.map((item, index) => ({ item, index })).filter(({ item }) => !itemAccepted(item));
  if (doc.kind === 'result_notice' || failed.length > 0) {
    section(w, '不合格项目', 'Non-conforming items');
    if (failed.length === 0) paragraph(w, [{ text: '—', size: 10 }]);
    for (const { item, index } of failed) {
      const unit = item.unit ? ` ${singleLine(item.unit)}` : '';
      paragraph(
        w,
        [{ text: `${index + 1}. ${singleLine(item.name)}：示值误差 ${formatSigned(item.error)}${unit}，超出最大允许误差 ${formatMpe(item.mpe)}${unit}`, size: 10, color: FAIL }],
        8,
      );
    }
  }

  section(w, '说明', 'Notes');
  const notes: string[] = [
    `本${doc.kind === 'certificate' ? '证书' : '通知书'}的检定结果仅对所检计量器具在检定时的状态有效。The results refer only to the instrument verified, at the time of verification.`,
  ];
  if (hasU) notes.push(`扩展不确定度 U 由标准不确定度乘以包含因子 k = ${COVERAGE_FACTOR} 得到。U is the standard uncertainty multiplied by k = ${COVERAGE_FACTOR}.`);
  if (doc.items.some((i) => i.decision)) notes.push('判定依据 JCGM 106:2012 的判定规则；pc 为符合概率，R 为特定风险。Decisions follow the stated JCGM 106 rule; pc is the probability of conformity, R the specific risk.');
  if (doc.supersedes) {
    notes.push(`本证书为第 ${doc.version} 版，替代第 ${doc.supersedes.version} 版，原因：${singleLine(doc.supersedes.reason)}。This version supersedes version ${doc.supersedes.version}.`);
  }
  if (doc.revocation) notes.push(`本证书已于 ${chineseDate(chinaDate(doc.revocation.at))} 作废，原因：${singleLine(doc.revocation.reason)}。This certificate has been revoked.`);
  else if (doc.status === 'superseded') notes.push('本版本已被新版本替代。This version has been superseded by a newer version.');
  notes.forEach((n, i) => paragraph(w, [{ text: `${i + 1}. ${n}`, size: 8.5 }], 0));

  // End-of-content mark.
  w.ensure(30);
  const y = pdf.y + 10;
  w.rule(y + 6, MX + CW * 0.2, MX + CW * 0.38);
  w.rule(y + 6, MX + CW * 0.62, MX + CW * 0.8);
  w.draw([{ text: '以下空白', size: 9.5, color: MUTED, align: 'center' }], MX + CW * 0.38, y, CW * 0.24);
  w.draw([{ text: '(blank below)', size: 7, color: MUTED, align: 'center' }], MX + CW * 0.38, y + 14, CW * 0.24);
  pdf.y = y + 28;
}

// ---------------------------------------------------------------------------------------------
// Header, footer and watermark, drawn on every page once the page count is known.

function decorate(w: Writer, doc: CertificateDocument): void {
  const pdf = w.doc;
  const { start, count } = pdf.bufferedPageRange();
  const title = kindTitle(doc.kind);
  const mark = statusWatermark(doc.status);
  for (let n = 0; n < count; n++) {
    pdf.switchToPage(start + n);
    const margins = pdf.page.margins;
    pdf.page.margins = { ...margins, top: 0, bottom: 0 }; // drawing in the margins must not add pages
    w.draw([{ text: `${title.zh}  证书编号 Certificate No. ${singleLine(doc.certificateNo)}`, size: 8.5, color: MUTED }], MX, 36, CW * 0.65);
    w.draw([{ text: `第 ${n + 1} 页 共 ${count} 页  Page ${n + 1} of ${count}`, size: 8.5, color: MUTED, align: 'right' }], MX + CW * 0.55, 36, CW * 0.45);
    w.rule(52);
    w.rule(PAGE_H - 58);
    const place = [singleLine(doc.institution.name), singleLine(doc.institution.address ?? '')].filter(Boolean).join(' · ');
    w.draw(
      [
        { text: place, size: 7.5, color: MUTED, align: 'center' },
        { text: '未经本机构书面批准，不得部分复制本证书。This document shall not be reproduced except in full without the written approval of the issuing institution.', size: 6.5, color: MUTED, align: 'center' },
      ],
      MX,
      PAGE_H - 53,
      CW,
      1,
    );
    if (mark) {
      pdf.save();
      pdf.rotate(-35, { origin: [PAGE_W / 2, PAGE_H / 2] });
      pdf.fillOpacity(0.13).fillColor(FAIL);
      pdf.font(BOLD).fontSize(96).text(mark.zh, 0, PAGE_H / 2 - 70, { width: PAGE_W, align: 'center', lineBreak: false });
      pdf.font(BOLD).fontSize(36).text(mark.en, 0, PAGE_H / 2 + 50, { width: PAGE_W, align: 'center', lineBreak: false });
      pdf.restore();
      pdf.fillOpacity(1);
    }
    pdf.page.margins = margins;
  }
}

/** Renders the certificate or result notice as an A4 PDF with the Chinese font embedded. */
export async function renderCertificatePdf(doc: CertificateDocument, options: CertificatePdfOptions): Promise<Buffer> {
  const issued = new Date(doc.issuedAt);
  if (Number.isNaN(issued.getTime())) throw new Error(`issuedAt is not an ISO instant: ${JSON.stringify(doc.issuedAt)}`);
  const title = kindTitle(doc.kind);
  const pdf = newA4Document({
    title: `${title.zh} ${singleLine(doc.certificateNo)}`,
    author: singleLine(doc.institution.name),
    subject: `${title.en} ${singleLine(doc.certificateNo)} v${doc.version}`,
    createdAt: issued,
    margins: { top: TOP, bottom: BOTTOM, left: MX, right: MX },
  });
  const done = pdfBuffer(pdf);
  const w = new Writer(pdf);
  cover(w, doc, options.qrPng);
  inner(w, doc);
  decorate(w, doc);
  pdf.end();
  return done;
}

// Sticker labels (检定标签) for an institution's day of work: an A4 sheet of die-cut labels, one per
// certificate or result notice, each with the certificate's signed QR code (error correction Q,
// drawn as vectors so it stays sharp at any printer resolution), 检定合格 / 检定不合格, the
// certificate number, the instrument (serial number and category), 有效期至 for passes and the
// institution. The Chinese font is the one every PDF of the platform embeds (../pdf/cjk-font.ts),
// as a subset. The output is deterministic: the PDF dates and file ID come from options.createdAt.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CertificateKind } from '../../domain/certificates/certificate-document.ts';
import { cjkFonts, glyphCleaner, pdfBuffer } from '../pdf/cjk-font.ts';
import { singleLine } from './certificate-text.ts';

/** What one label shows. */
export interface Label {
  readonly certificateNo: string;
  /** certificate → 检定合格; result_notice → 检定不合格 (检定结果通知书). */
  readonly kind: CertificateKind;
  /** The certificate's signed QR text (the verification URL with the `JL1:` token after '#'). */
  readonly qrText: string;
  readonly serialNo: string;
  /** Category name, e.g. 电子计价秤; long names are shrunk, then cut with "…". */
  readonly categoryName: string;
  readonly verifiedOn: string;
  /** Printed as 有效期至 for passes; null (result notices, first verifications without a cycle) prints the verification date instead. */
  readonly validUntil: string | null;
  /** The issuing institution as the label names it; long names are shrunk, then cut with "…". */
  readonly institution: string;
}

export interface LabelSheetOptions {
  /** The day of work (YYYY-MM-DD), printed in the sheet's top margin. */
  readonly date: string;
  /** The institution's name, printed in the sheet's top margin. */
  readonly institution: string;
  /** PDF creation and modification date (and so the file ID): the same input gives the same bytes. */
  readonly createdAt: Date;
  /** Thin outlines around each label, for printing on plain paper and cutting by hand. Default false (die-cut sheets). */
  readonly guides?: boolean;
}

// ---------------------------------------------------------------------------------------------
// The sheet: 3 × 8 labels of 63.5 × 33.9 mm on A4, 24 a sheet (the common Avery L7159 layout:
// 2.5 mm between columns, none between rows, 12.9 mm top and bottom margins, the grid centred
// across the page). Change these numbers for another stock.

const MM = 72 / 25.4;
export const LABEL_GRID = {
  columns: 3,
  rows: 8,
  labelWidthMm: 63.5,
  labelHeightMm: 33.9,
  columnGapMm: 2.5,
  rowGapMm: 0,
  topMarginMm: 12.9,
} as const;
export const LABELS_PER_PAGE = LABEL_GRID.columns * LABEL_GRID.rows;

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const LABEL_W = LABEL_GRID.labelWidthMm * MM;
const LABEL_H = LABEL_GRID.labelHeightMm * MM;
const GAP_X = LABEL_GRID.columnGapMm * MM;
const GAP_Y = LABEL_GRID.rowGapMm * MM;
const LEFT = (PAGE_W - LABEL_GRID.columns * LABEL_W - (LABEL_GRID.columns - 1) * GAP_X) / 2;
const TOP = LABEL_GRID.topMarginMm * MM;

/** Inside each label: 1 mm from the edge (the code's own 4-module quiet zone comes on top). */
const PAD = 1 * MM;
const QR_SIZE = LABEL_H - 2 * PAD;
const QR_QUIET_ZONE = 4;
const TEXT_X = PAD + QR_SIZE + 1.5;
const TEXT_W = LABEL_W - TEXT_X - 1.2 * MM;

/** Where slot `slot` (0 … LABELS_PER_PAGE − 1, row by row) sits on its page, in points from the top left. */
export function labelSlot(slot: number): { readonly x: number; readonly y: number; readonly width: number; readonly height: number } {
  return {
    x: LEFT + (slot % LABEL_GRID.columns) * (LABEL_W + GAP_X),
    y: TOP + Math.floor(slot / LABEL_GRID.columns) * (LABEL_H + GAP_Y),
    width: LABEL_W,
    height: LABEL_H,
  };
}

/** The square the QR code of a slot fills, its quiet zone (in modules) included. */
export function labelQrArea(slot: number): { readonly x: number; readonly y: number; readonly size: number; readonly quietZone: number } {
  const { x, y } = labelSlot(slot);
  return { x: x + PAD, y: y + PAD, size: QR_SIZE, quietZone: QR_QUIET_ZONE };
}

const REGULAR = 'zh';
const BOLD = 'zh-bold';
const INK = '#000000';
const MUTED = '#555555';
const FAIL = '#b3261e';

type Doc = PDFKit.PDFDocument;

class Painter {
  private readonly drawable: (text: string) => string;

  constructor(readonly doc: Doc) {
    this.drawable = glyphCleaner(doc, REGULAR);
  }

  /** One line of text the font can draw (missing glyphs as □). */
  clean(text: string): string {
    return this.drawable(singleLine(text));
  }

  /**
   * Draws one line at (x, y) within `width`: at `size` when it fits, else smaller down to `min`,
   * else cut with "…". Returns the size used.
   */
  line(text: string, x: number, y: number, width: number, style: { size: number; min?: number; bold?: boolean; color?: string; align?: 'left' | 'center' }): number {
    const { doc } = this;
    const clean = this.clean(text) || '—';
    doc.font(style.bold ? BOLD : REGULAR).fillColor(style.color ?? INK);
    let size = style.size;
    const min = style.min ?? style.size;
    doc.fontSize(size);
    while (size > min && doc.widthOfString(clean) > width) doc.fontSize((size = Math.max(min, size - 0.25)));
    let shown = clean;
    if (doc.widthOfString(shown) > width) {
      const chars = [...clean];
      while (chars.length > 1 && doc.widthOfString(`${chars.join('')}…`) > width) chars.pop();
      shown = `${chars.join('')}…`;
    }
    doc.text(shown, x, y, { width, lineBreak: false, align: style.align ?? 'left' });
    return size;
  }
}

/** The QR code as filled rectangles (one per run of dark modules in a row), quiet zone included in `size`. */
function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'Q' });
  const n = modules.size;
  const unit = size / (n + 2 * QR_QUIET_ZONE);
  const ox = x + QR_QUIET_ZONE * unit;
  const oy = y + QR_QUIET_ZONE * unit;
  doc.save();
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      // A hair of overlap between rows so no white seams show when the page is rasterized.
      doc.rect(ox + start * unit, oy + row * unit, (col - start) * unit, unit + 0.01);
    }
  }
  doc.fillColor(INK).fill();
  doc.restore();
}

function drawLabel(p: Painter, label: Label, x: number, y: number, slot: number): void {
  const { doc } = p;
  const qr = labelQrArea(slot);
  drawQr(doc, label.qrText, qr.x, qr.y, qr.size);
  const tx = x + TEXT_X;
  const pass = label.kind === 'certificate';
  let ty = y + 3.5;
  p.line(pass ? '检定合格' : '检定不合格', tx, ty, TEXT_W, { size: 13, min: 10, bold: true, color: pass ? INK : FAIL });
  ty += 17;
  p.line(pass ? '检定证书' : '检定结果通知书', tx, ty, TEXT_W, { size: 6, color: MUTED });
  ty += 9.5;
  p.line(label.certificateNo, tx, ty, TEXT_W, { size: 7.5, min: 5, bold: true });
  ty += 11;
  p.line(`出厂编号 ${label.serialNo}`, tx, ty, TEXT_W, { size: 6.5, min: 5 });
  ty += 9;
  p.line(label.categoryName, tx, ty, TEXT_W, { size: 6.5, min: 5 });
  ty += 10;
  if (pass && label.validUntil) p.line(`有效期至 ${label.validUntil}`, tx, ty, TEXT_W, { size: 7.5, min: 6, bold: true });
  else p.line(`检定日期 ${label.verifiedOn}`, tx, ty, TEXT_W, { size: 7, min: 6 });
  p.line(label.institution, tx, y + LABEL_H - 11, TEXT_W, { size: 6, min: 4.5, color: MUTED });
}

/** The sheet's own line in the top margin (outside the labels). */
function drawSheetHeader(p: Painter, options: LabelSheetOptions, count: number, page: number, pages: number): void {
  const text = `${options.institution}  检定日期 ${options.date}  共 ${count} 枚  第 ${page} 页 共 ${pages} 页`;
  p.line(text, LEFT, TOP / 2 - 3, PAGE_W - 2 * LEFT, { size: 7, min: 5, color: MUTED });
}

/** An A4 PDF of sticker labels, LABELS_PER_PAGE a page, in the given order; no labels: one page saying 当日无证书. */
export async function renderLabelSheet(labels: readonly Label[], options: LabelSheetOptions): Promise<Buffer> {
  if (Number.isNaN(options.createdAt.getTime())) throw new Error('createdAt is not a valid date');
  const fonts = cjkFonts();
  const title = `检定标签 ${singleLine(options.institution)} ${options.date}`;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 0,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: title,
      Author: singleLine(options.institution),
      Subject: `Verification labels ${options.date}`,
      Creator: 'Jiliang',
      Producer: 'Jiliang (PDFKit)',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  });
  const done = pdfBuffer(pdf);
  pdf.registerFont(REGULAR, fonts.regular);
  pdf.registerFont(BOLD, fonts.bold);
  const p = new Painter(pdf);

  const pages = Math.max(1, Math.ceil(labels.length / LABELS_PER_PAGE));
  for (let page = 0; page < pages; page++) {
    if (page > 0) pdf.addPage();
    drawSheetHeader(p, options, labels.length, page + 1, pages);
    const onPage = labels.slice(page * LABELS_PER_PAGE, (page + 1) * LABELS_PER_PAGE);
    onPage.forEach((label, slot) => {
      const { x, y } = labelSlot(slot);
      if (options.guides) pdf.save().rect(x, y, LABEL_W, LABEL_H).lineWidth(0.3).strokeColor('#bbbbbb').stroke().restore();
      drawLabel(p, label, x, y, slot);
    });
  }
  if (labels.length === 0) {
    p.line('当日无证书', LEFT, PAGE_H / 2 - 30, PAGE_W - 2 * LEFT, { size: 20, bold: true, align: 'center' });
    p.line(`No certificates for verifications on ${options.date}`, LEFT, PAGE_H / 2 + 2, PAGE_W - 2 * LEFT, { size: 10, color: MUTED, align: 'center' });
  }
  pdf.end();
  return done;
}

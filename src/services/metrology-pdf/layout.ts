// Page layout of a metrology report: A4 geometry, colours, and the blocks the sections are built
// from — headings, paragraphs, key–value grids and tables that break across pages repeating their
// header row. Every string goes through the font's glyph filter (../pdf/cjk-font.ts).
import { BOLD, INK, REGULAR, TextLines, type Line } from '../pdf/text-lines.ts';

export { BOLD, INK, REGULAR, type Line };

export type Doc = PDFKit.PDFDocument;

// Points; A4 = 595.28 × 841.89.
export const PAGE_W = 595.28;
export const PAGE_H = 841.89;
export const MX = 50;
export const TOP = 66;
export const BOTTOM = 64;
export const CW = PAGE_W - 2 * MX;
export const MAX_Y = PAGE_H - BOTTOM;

export const MUTED = '#6b6b6b';
export const RULE = '#9a9a9a';
export const LIGHT_RULE = '#c4c4c4';
export const HEAD_BG = '#eef1f4';
export const FAIL = '#b3261e';
export const FAIL_BG = '#fbe9e7';
export const PASS = '#2e7d32';
export const ACCENT = '#1f5fa8';
export const ACCENT_LIGHT = '#9dbbe0';
export const WARN = '#c77700';

/** A bilingual label: Chinese first, English below in small muted type. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

export type Cell = string | readonly Line[];

export interface Column extends Partial<Label> {
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
}

export interface Row {
  readonly cells: readonly Cell[];
  readonly highlight?: boolean;
  /** Columns each cell covers (default 1 each). */
  readonly spans?: readonly number[];
}

/** One entry of a key–value grid. */
export interface Field extends Label {
  readonly value: string;
  readonly strong?: boolean;
  readonly color?: string;
  /** The value takes the rest of its row (a model, a verdict, a result statement). */
  readonly wide?: boolean;
}

const PAD = 4;
const CELL_MAX = 600; // characters: a pathological cell must not outgrow a page
/** Rows listed per table: a request of a megabyte must not become a thousand pages. */
export const MAX_TABLE_ROWS = 1000;

export class Report extends TextLines {
  /** Headings not drawn yet: they go down with the block that follows them, never alone at a page end. */
  private pending: { readonly height: number; readonly draw: () => void }[] = [];

  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  /** One line of text at (x, y) that never wraps nor moves the cursor. */
  label(text: string, x: number, y: number, size: number, options: { color?: string; bold?: boolean; align?: 'left' | 'center' | 'right'; width?: number } = {}): void {
    const doc = this.doc;
    const { page } = doc;
    const margins = page.margins;
    page.margins = { ...margins, top: 0, bottom: 0 }; // text near the bottom must not add a page
    doc.font(options.bold ? BOLD : REGULAR).fontSize(size).fillColor(options.color ?? INK);
    const clean = this.clean(text);
    const width = options.width ?? doc.widthOfString(clean) + 1;
    const left = options.align === 'right' ? x - width : options.align === 'center' ? x - width / 2 : x;
    const at = doc.y;
    doc.text(clean, left, y, { width, lineBreak: false, align: options.align ?? 'left' });
    doc.y = at;
    page.margins = margins;
  }

  textWidth(text: string, size: number, bold = false): number {
    return this.doc.font(bold ? BOLD : REGULAR).fontSize(size).widthOfString(this.clean(text));
  }

  /**
   * Makes room for a block of `height` points (with the headings waiting for it): a new page when
   * fewer are left; then draws those headings. Every block calls this before it draws.
   */
  ensure(height: number): void {
    const headings = this.pending;
    this.pending = [];
    const above = headings.reduce((s, h) => s + h.height, 0);
    if (this.doc.y + above + height > MAX_Y) this.newPage();
    for (const h of headings) h.draw();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.y = TOP;
  }

  rule(y: number, x1 = MX, x2 = PAGE_W - MX, color = RULE, width = 0.5): void {
    this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore();
  }

  /** A section heading: Chinese in bold, English after it in small muted type; drawn with the next block. */
  section(zh: string, en: string): void {
    this.pending.push({
      height: 32,
      draw: () => {
        const doc = this.doc;
        const y = doc.y + 8;
        this.label(zh, MX, y, 12, { bold: true });
        this.label(en, MX + this.textWidth(zh, 12, true) + 8, y + 3.5, 8.5, { color: MUTED });
        doc.y = y + 19;
        this.rule(doc.y - 2, MX, PAGE_W - MX, LIGHT_RULE, 0.4);
        doc.y += 5;
      },
    });
  }

  /** A smaller heading inside a section (one output of several, one table); drawn with the next block. */
  subheading(zh: string, en: string): void {
    this.pending.push({
      height: 19,
      draw: () => {
        const y = this.doc.y + 3;
        this.label(zh, MX, y, 10, { bold: true, color: ACCENT });
        this.label(en, MX + this.textWidth(zh, 10, true) + 6, y + 2, 7.5, { color: MUTED });
        this.doc.y = y + 16;
      },
    });
  }

  paragraph(lines: readonly Line[], indent = 0): void {
    const h = this.measure(lines, CW - indent);
    this.ensure(h);
    this.doc.y += this.draw(lines, MX + indent, this.doc.y, CW - indent) + 4;
  }

  /**
   * Label–value pairs, two to a row, as a bordered grid with shaded label cells; a `wide` field
   * has a row of its own. The grid is kept on one page when it fits on half of one.
   */
  fields(fields: readonly Field[]): void {
    const columns: Column[] = [{ width: 24 }, { width: 26 }, { width: 24 }, { width: 26 }];
    const label = (f: Field): Cell => [
      { text: f.zh, size: 8.5, bold: true },
      { text: f.en, size: 6.5, color: MUTED },
    ];
    const value = (f: Field): Cell => [{ text: f.value, size: f.strong ? 10.5 : 9.5, bold: f.strong, color: f.color }];
    const rows: Row[] = [];
    let half: Field | null = null;
    const flush = () => {
      if (half) rows.push({ cells: [label(half), value(half), '', ''] });
      half = null;
    };
    for (const f of fields) {
      if (f.wide) {
        flush();
        rows.push({ cells: [label(f), value(f)], spans: [1, 3] });
      } else if (half) {
        rows.push({ cells: [label(half), value(half), label(f), value(f)] });
        half = null;
      } else {
        half = f;
      }
    }
    flush();
    this.table(columns, rows, { header: false, shadeColumns: [true, false, true, false], keepTogether: true });
  }

  /** A table that breaks across pages, repeating its header row, highlighting rows on request. */
  table(
    columns: readonly Column[],
    rows: readonly Row[],
    options: { continued?: string; size?: number; header?: boolean; shadeColumns?: readonly boolean[]; keepTogether?: boolean } = {},
  ): void {
    const doc = this.doc;
    const size = options.size ?? 8.5;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * CW);
    const header = options.header === false
      ? null
      : columns.map((c): readonly Line[] => [
          { text: c.zh ?? '', size: 8, bold: true, align: 'center' },
          ...(c.en ? [{ text: c.en, size: 6.5, color: MUTED, align: 'center' as const }] : []),
        ]);
    const cellLines = (cell: Cell, i: number): readonly Line[] => {
      const align = columns[i]?.align;
      if (typeof cell !== 'string') return cell.map((l) => ({ align, ...l }));
      const text = cell.length > CELL_MAX ? `${cell.slice(0, CELL_MAX)}…` : cell;
      return [{ text, size, align }];
    };
    /** Each cell's first column and width, spans taken into account. */
    const layout = (count: number, spans: readonly number[] | undefined) => {
      let column = 0;
      return Array.from({ length: count }, (_, i) => {
        const span = spans?.[i] ?? 1;
        const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
        const cell = { column, width };
        column += span;
        return cell;
      });
    };
    interface Prepared {
      readonly cells: readonly (readonly Line[])[];
      readonly place: readonly { readonly column: number; readonly width: number }[];
      readonly highlight: boolean;
    }
    const rowHeight = (row: Prepared) =>
      Math.max(...row.cells.map((lines, i) => this.measure(lines, (row.place[i]?.width ?? 0) - 2 * PAD, 0.5))) + 2 * PAD;
    const drawRow = (row: Prepared, h: number, fill: string | null, shade: boolean) => {
      const y = doc.y;
      let x = MX;
      if (fill) doc.save().rect(MX, y, CW, h).fillColor(fill).fill().restore();
      row.cells.forEach((lines, i) => {
        const { column, width: cw } = row.place[i] ?? { column: i, width: 0 };
        if (shade && options.shadeColumns?.[column]) doc.save().rect(x, y, cw, h).fillColor(HEAD_BG).fill().restore();
        this.draw(lines, x + PAD, y + PAD, cw - 2 * PAD, 0.5);
        doc.save().rect(x, y, cw, h).lineWidth(0.4).strokeColor(RULE).stroke().restore();
        x += cw;
      });
      doc.y = y + h;
    };
    const prepare = (row: Row): Prepared => {
      const place = layout(row.cells.length, row.spans);
      return { cells: row.cells.map((c, i) => cellLines(c, place[i]?.column ?? i)), place, highlight: row.highlight === true };
    };
    const headerRow: Prepared | null = header ? { cells: header, place: layout(header.length, undefined), highlight: false } : null;
    const headerH = headerRow ? rowHeight(headerRow) : 0;
    const drawHeader = () => headerRow && drawRow(headerRow, headerH, HEAD_BG, false);
    const listed = rows.length > MAX_TABLE_ROWS ? rows.slice(0, MAX_TABLE_ROWS) : rows;
    const prepared = listed.map(prepare);
    const heights = prepared.map(rowHeight);
    const whole = headerH + heights.reduce((a, b) => a + b, 0);
    const together = options.keepTogether ?? rows.length <= 8; // small tables are not split
    this.ensure(together && whole < (MAX_Y - TOP) / 2 ? whole : headerH + (heights[0] ?? 0));
    drawHeader();
    prepared.forEach((row, i) => {
      const h = heights[i] ?? 0;
      if (doc.y + h > MAX_Y) {
        this.newPage();
        if (options.continued) doc.y += this.draw([{ text: options.continued, size: 8, color: MUTED }], MX, doc.y, CW) + 3;
        drawHeader();
      }
      drawRow(row, h, row.highlight ? FAIL_BG : null, true);
    });
    if (listed.length < rows.length) {
      const note: Line[] = [{ text: `仅列出前 ${listed.length} 行（共 ${rows.length} 行），Excel 导出含全部数据。Only the first ${listed.length} of ${rows.length} rows are listed; the Excel export has them all.`, size: 8, color: MUTED }];
      this.ensure(this.measure(note, CW) + 2);
      doc.y += this.draw(note, MX, doc.y + 2, CW) + 2;
    }
    doc.y += 6;
  }
}

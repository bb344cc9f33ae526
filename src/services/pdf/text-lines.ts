// Text drawn as a list of lines in the Chinese font (./cjk-font.ts), each line with its own size,
// weight, colour and alignment: the unit the certificate and the metrology report are built from.
import { glyphCleaner } from './cjk-font.ts';

/** The names the regular and bold faces are registered under (./document.ts). */
export const REGULAR = 'zh';
export const BOLD = 'zh-bold';

/** The default text colour. */
export const INK = '#1a1a1a';

/** A run of text drawn on its own line(s). */
export interface Line {
  readonly text: string;
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: string;
  readonly align?: 'left' | 'center' | 'right';
}

/** Measures and draws lines on `doc`, whose fonts REGULAR and BOLD are registered. */
export class TextLines {
  /** Text the font can draw: disallowed characters dropped, emoji joiners/variation selectors removed, missing glyphs shown as □. */
  readonly clean: (text: string) => string;

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.clean = glyphCleaner(doc, REGULAR);
  }

  private style(line: Line): void {
    this.doc.font(line.bold ? BOLD : REGULAR).fontSize(line.size).fillColor(line.color ?? INK);
  }

  /** The height the lines take in a column `width` wide. */
  measure(lines: readonly Line[], width: number, gap = 1.5): number {
    let h = 0;
    for (const line of lines) {
      this.style(line);
      h += this.doc.heightOfString(this.clean(line.text) || ' ', { width, lineGap: gap });
    }
    return h;
  }

  /** Draws the lines from (x, y) in a column `width` wide; returns the height taken. */
  draw(lines: readonly Line[], x: number, y: number, width: number, gap = 1.5): number {
    let at = y;
    for (const line of lines) {
      this.style(line);
      const text = this.clean(line.text) || ' ';
      this.doc.text(text, x, at, { width, lineGap: gap, align: line.align ?? 'left' });
      at += this.doc.heightOfString(text, { width, lineGap: gap });
    }
    return at - y;
  }
}

// What every PDF renderer of the platform shares (certificates, metrology reports): the Chinese font
// (Noto Sans Hans, SIL OFL, npm @embedpdf/fonts-sc), read once from the package and embedded by
// pdfkit as a subset; the filter that keeps text drawable with it; and the collection of a
// document's output into one Buffer.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sanitizeText } from '../certificates/certificate-text.ts';

const FONT_PACKAGE = '@embedpdf/fonts-sc';
let fontCache: { regular: Buffer; bold: Buffer } | null = null;

/** The folder of the package's .otf files, found through module resolution (no hard-coded node_modules). */
export function cjkFontDirectory(): string {
  const entry = createRequire(import.meta.url).resolve(FONT_PACKAGE); // …/@embedpdf/fonts-sc/dist/index.cjs
  return join(dirname(entry), '..', 'fonts');
}

/** The regular and bold faces (OpenType/CFF), read on first use and kept. */
export function cjkFonts(): { regular: Buffer; bold: Buffer } {
  if (!fontCache) {
    const dir = cjkFontDirectory();
    fontCache = { regular: readFileSync(join(dir, 'NotoSansHans-Regular.otf')), bold: readFileSync(join(dir, 'NotoSansHans-Bold.otf')) };
  }
  return fontCache;
}

/**
 * A cleaner for text drawn in `fontName` (a font registered on `doc`, which becomes the current
 * font): disallowed characters dropped, emoji joiners and variation selectors removed, tabs as
 * spaces, and every character the font has no glyph for shown as □.
 */
export function glyphCleaner(doc: PDFKit.PDFDocument, fontName: string): (text: string) => string {
  doc.font(fontName);
  const font = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } })._font?.font;
  const glyphs: (cp: number) => boolean = font && typeof font.hasGlyphForCodePoint === 'function' ? (cp) => font.hasGlyphForCodePoint!(cp) : () => true;
  return (text: string): string => {
    let out = '';
    for (const ch of sanitizeText(text).replace(/\t/g, ' ')) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
      out += ch === '\n' || ch === '\r' || glyphs(cp) ? ch : '□';
    }
    return out;
  };
}

/** The document's bytes once it has ended; call before doc.end(). */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

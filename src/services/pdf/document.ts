// The PDF document every renderer starts from: A4, PDF 1.7, tagged zh-CN, pages buffered (so that
// headers and footers can be drawn once the page count is known), the Chinese font registered as
// REGULAR and BOLD. The dates and the file ID come from `createdAt`, so the output is deterministic.
import PDFDocument from 'pdfkit';
import { cjkFonts } from './cjk-font.ts';
import { BOLD, REGULAR } from './text-lines.ts';

export interface A4DocumentOptions {
  readonly title: string;
  readonly author?: string;
  readonly subject: string;
  /** The PDF's creation and modification date. */
  readonly createdAt: Date;
  readonly margins: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
}

export function newA4Document(options: A4DocumentOptions): PDFKit.PDFDocument {
  const fonts = cjkFonts();
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { ...options.margins },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: options.title,
      ...(options.author === undefined ? {} : { Author: options.author }),
      Subject: options.subject,
      Creator: 'Jiliang',
      Producer: 'Jiliang (PDFKit)',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  });
  pdf.registerFont(REGULAR, fonts.regular);
  pdf.registerFont(BOLD, fonts.bold);
  return pdf;
}

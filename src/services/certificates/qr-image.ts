// QR images of a certificate's QR text (a `JL1:` token, or the verification URL with it after '#').
// Rendering is in memory (the `qrcode` package; no files, no canvas). The package splits the text
// into mode segments itself, so the Base45 token goes in alphanumeric mode (5.5 bits a character)
// even when a lower-case URL before it has to be byte mode ('#' is byte mode in any case).
//
// Default error correction is Q (25 %), as the EU DCC recommends for printed codes: a stamp or a
// fold over the code still scans. Measured for the typical fixture certificate (558-character token;
// URL form https://jiliang.example.cn/v#… 617 characters): token alone v15 at M, v18 at Q; URL form
// v16 at M, v19 at Q. An upper-case URL (HTTPS://HOST/V#…) gains nothing here: the optimal split
// already puts only ~29 URL characters in byte mode. Forcing the whole text into one byte-mode
// segment, as some encoders do, would cost 3 to 5 versions.
import QRCode from 'qrcode';

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

export interface QrImageOptions {
  /** Default 'Q'. */
  readonly errorCorrection?: QrErrorCorrection;
  /** Quiet zone in modules; default 4, the ISO/IEC 18004 minimum. */
  readonly margin?: number;
  /** PNG pixels per module; default 4. */
  readonly scale?: number;
}

export interface QrSymbolInfo {
  readonly version: number;
  /** Modules per side, without the quiet zone. */
  readonly modules: number;
  readonly errorCorrection: QrErrorCorrection;
  readonly segments: readonly { readonly mode: string; readonly length: number }[];
}

const DARK = '#000000ff';
const LIGHT = '#ffffffff';

function options(opts: QrImageOptions) {
  const margin = opts.margin ?? 4;
  const scale = opts.scale ?? 4;
  if (!Number.isInteger(margin) || margin < 0) throw new RangeError('margin must be a whole number of modules');
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError('scale must be a whole number of pixels ≥ 1');
  return { errorCorrectionLevel: opts.errorCorrection ?? 'Q', margin, scale, color: { dark: DARK, light: LIGHT } } as const;
}

/** Which QR version and segments the text needs; throws if it does not fit a QR code at all. */
export function qrSymbolInfo(text: string, opts: QrImageOptions = {}): QrSymbolInfo {
  const errorCorrection = opts.errorCorrection ?? 'Q';
  const symbol = QRCode.create(text, { errorCorrectionLevel: errorCorrection });
  return {
    version: symbol.version,
    modules: symbol.modules.size,
    errorCorrection,
    segments: symbol.segments.map((s) => ({ mode: s.mode.id, length: s.getLength() })),
  };
}

/** PNG image (black on white, 1 module = `scale` pixels). */
export function renderQrPng(text: string, opts: QrImageOptions = {}): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...options(opts), type: 'png' });
}

/** SVG document (scalable; a viewBox in modules, no fixed pixel size). */
export function renderQrSvg(text: string, opts: QrImageOptions = {}): Promise<string> {
  const { errorCorrectionLevel, margin, color } = options(opts);
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel, margin, color });
}

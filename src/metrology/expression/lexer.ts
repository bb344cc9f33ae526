// Tokenizer for model expressions. Accepts the Unicode minus sign (U+2212) as '-', since models
// are often pasted from typeset documents.

import { MetrologyInputError } from '../errors.ts';

export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly pos: number; readonly text: string }
  | { readonly kind: 'name'; readonly text: string; readonly pos: number }
  | { readonly kind: 'symbol'; readonly text: '+' | '-' | '*' | '/' | '^' | '(' | ')' | ','; readonly pos: number }
  | { readonly kind: 'end'; readonly pos: number };

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const SYMBOLS = new Set(['+', '-', '*', '/', '^', '(', ')', ',']);

export function syntaxError(pointer: string, pos: number, message: string): MetrologyInputError {
  return new MetrologyInputError([{ pointer, code: 'invalid_format', message: `column ${pos + 1}: ${message}` }]);
}

export function tokenize(source: string, pointer: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '\u2212') { tokens.push({ kind: 'symbol', text: '-', pos: i }); i++; continue; }
    if (SYMBOLS.has(ch)) {
      tokens.push({ kind: 'symbol', text: ch as '+', pos: i });
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(source);
    if (num) {
      const text = num[0];
      const value = Number(text);
      if (!Number.isFinite(value)) throw syntaxError(pointer, i, `number '${text}' is out of range`);
      const next = source[i + text.length];
      if (next !== undefined && /[eE]/.test(next)) throw syntaxError(pointer, i, `malformed number '${text}${next}…' (exponent needs digits, e.g. 1e-6)`);
      if (next === '.') throw syntaxError(pointer, i, `malformed number '${text}.'`);
      if (next !== undefined && /[A-Za-z_]/.test(next)) {
        throw syntaxError(pointer, i + text.length, `unexpected '${next}' after number '${text}' (write 2*x, not 2x)`);
      }
      tokens.push({ kind: 'number', value, pos: i, text });
      i += text.length;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(source);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    const shown = String.fromCodePoint(source.codePointAt(i) ?? 0);
    throw syntaxError(pointer, i, `unexpected character '${shown}'`);
  }
  tokens.push({ kind: 'end', pos: source.length });
  return tokens;
}

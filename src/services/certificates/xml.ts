// A small XML writer for the DCC export: elements are plain values, text is escaped in one place,
// and characters XML 1.0 cannot carry are dropped rather than breaking the document.
import { sanitizeText } from './certificate-text.ts';

export type XmlChild = XmlElement | string | number | null | undefined | false | readonly XmlChild[];

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string | undefined>>;
  readonly children: readonly (XmlElement | string)[];
}

// Names are the writer's own constants (dcc:item, si:real…), never data: reject anything else.
const NAME = /^[A-Za-z_][A-Za-z0-9._-]*(:[A-Za-z_][A-Za-z0-9._-]*)?$/;

function flatten(children: readonly XmlChild[], into: (XmlElement | string)[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) flatten(child, into);
    else if (typeof child === 'number') into.push(String(child));
    else into.push(child as XmlElement | string);
  }
}

/** An element; `undefined` attributes are left out, null/false/undefined children skipped, arrays flattened. */
export function el(name: string, attrs: Readonly<Record<string, string | undefined>> | null, ...children: XmlChild[]): XmlElement {
  if (!NAME.test(name)) throw new Error(`invalid XML name ${JSON.stringify(name)}`);
  for (const key of Object.keys(attrs ?? {})) if (!NAME.test(key)) throw new Error(`invalid XML attribute name ${JSON.stringify(key)}`);
  const flat: (XmlElement | string)[] = [];
  flatten(children, flat);
  return { name, attrs: attrs ?? {}, children: flat };
}

/** Character data: invalid characters dropped, then & < > escaped (> too, so "]]>" cannot occur). */
export function escapeText(text: string): string {
  return sanitizeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes: also " escaped, and tab/LF/CR as references so they survive normalization. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function attrsOf(element: XmlElement): string {
  let out = '';
  for (const [key, value] of Object.entries(element.attrs)) if (value !== undefined) out += ` ${key}="${escapeAttr(value)}"`;
  return out;
}

function write(element: XmlElement, depth: number, indent: string, out: string[]): void {
  const pad = indent.repeat(depth);
  const open = `${element.name}${attrsOf(element)}`;
  if (element.children.length === 0) {
    out.push(`${pad}<${open}/>`);
    return;
  }
  // Text-only or mixed content is written inline: indentation would change the text.
  if (element.children.some((c) => typeof c === 'string')) {
    out.push(`${pad}<${open}>${element.children.map((c) => (typeof c === 'string' ? escapeText(c) : inline(c))).join('')}</${element.name}>`);
    return;
  }
  out.push(`${pad}<${open}>`);
  for (const child of element.children) write(child as XmlElement, depth + 1, indent, out);
  out.push(`${pad}</${element.name}>`);
}

function inline(element: XmlElement): string {
  const open = `${element.name}${attrsOf(element)}`;
  if (element.children.length === 0) return `<${open}/>`;
  return `<${open}>${element.children.map((c) => (typeof c === 'string' ? escapeText(c) : inline(c))).join('')}</${element.name}>`;
}

/** The document as UTF-8 XML text with a declaration, indented for reading. */
export function serializeXml(root: XmlElement, indent = '  '): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, indent, out);
  return `${out.join('\n')}\n`;
}

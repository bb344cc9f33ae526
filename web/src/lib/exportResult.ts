// Client-side downloads of a calculation (its request and result): JSON as sent and received, and
// CSV with one row per leaf value (section, JSON path, value), with a BOM so Excel reads UTF-8;
// and reading a downloaded JSON back.

export interface CalculationRecord {
  readonly kind: string;
  readonly input: unknown;
  readonly result: unknown;
}

function flatten(value: unknown, path: string, rows: [string, string][]): void {
  if (Array.isArray(value)) {
    if (value.length === 0) rows.push([path, '']);
    value.forEach((item, i) => flatten(item, `${path}[${i}]`, rows));
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) rows.push([path, '']);
    for (const [key, item] of entries) flatten(item, path ? `${path}.${key}` : key, rows);
  } else {
    rows.push([path, value === null || value === undefined ? '' : String(value)]);
  }
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(record: CalculationRecord, headers: readonly [string, string, string]): string {
  const lines = [headers.map(csvCell).join(',')];
  for (const [section, value] of [
    ['input', record.input],
    ['result', record.result],
  ] as const) {
    const rows: [string, string][] = [];
    flatten(value, '', rows);
    for (const [path, text] of rows) lines.push([section, path, text].map(csvCell).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function toJson(record: CalculationRecord): string {
  return JSON.stringify({ kind: record.kind, input: record.input, result: record.result, createdAt: new Date().toISOString() }, null, 2);
}

/** The input of a calculation saved by `toJson`, or null when `text` is not one of `kind`. */
export function savedInput(text: string, kind: string): unknown {
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    return null;
  }
  if (saved === null || typeof saved !== 'object' || (saved as { kind?: unknown }).kind !== kind) return null;
  return (saved as { input?: unknown }).input ?? null;
}

/** Saves text (or a fetched file) as a file through a temporary object URL. */
export function download(data: string | Blob, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Prints only the result panel: print CSS (index.html) hides the rest while the class is set. */
export function printResult(): void {
  const body = document.body;
  body.classList.add('print-result');
  const done = () => {
    body.classList.remove('print-result');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

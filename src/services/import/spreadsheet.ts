// Reading and writing the tabular files of imports and exports: .xlsx (exceljs) and .csv.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export type TableFormat = 'xlsx' | 'csv';
export type Cell = string | number | boolean | Date | null;

/** Decodes CSV bytes: UTF-8 (with or without BOM), else GB18030 as Excel on Chinese Windows saves it. */
function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Reads the first sheet (or the CSV) into rows of cells; row 0 is the header. */
export async function readTable(bytes: Buffer, format: TableFormat): Promise<Cell[][]> {
  if (format === 'csv') {
    return parse(decodeCsv(bytes), { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    rows.push(Array.from(cells, (c) => c ?? null));
  });
  while (rows.length && rows.at(-1)!.every((c) => c === null || c === '')) rows.pop();
  return rows;
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return (v.result as Cell) ?? null;
  return String(v);
}

export interface SheetSpec {
  readonly name: string;
  readonly columns: readonly { header: string; width?: number | undefined }[];
  readonly rows: readonly (readonly Cell[])[];
}

export async function writeTable(format: TableFormat, sheets: readonly SheetSpec[]): Promise<Buffer> {
  if (format === 'csv') {
    const [first] = sheets;
    // A BOM makes Excel open UTF-8 CSV with the right encoding.
    return Buffer.from(`\uFEFF${stringify([first!.columns.map((c) => c.header), ...first!.rows.map((r) => r.map(csvCell))])}`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow([...row]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvCell(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c);
}

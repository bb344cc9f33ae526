// Bulk registration from .xlsx/.csv templates with a row-by-row error report. A file with errors
// writes nothing unless the caller explicitly asks for the valid rows only (mode `valid-only`).
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { AppError, fieldError, type FieldError } from '../../domain/errors.ts';
import type { OrganizationService } from '../organization-service.ts';
import type { InstrumentService } from '../instrument-service.ts';
import type { BatchMode, BatchValidation } from '../batch.ts';
import { readTable, writeTable, type Cell, type TableFormat } from './spreadsheet.ts';
import { ROLE_NAMES, TEMPLATES, type ImportKind, type TemplateColumn } from './templates.ts';
import type { Caller } from '../../domain/auth/actor.ts';
import { can } from '../../domain/auth/authorize.ts';
import { auditEntry, type AccessService } from '../access-service.ts';
import type { AuditService } from '../audit/audit-service.ts';
import { batchDetail } from '../instrument-service.ts';

export interface ImportRowError extends FieldError {
  /** Template column key the error belongs to (empty when it concerns the whole row). */
  readonly column: string;
}

export interface ImportReport {
  readonly kind: ImportKind;
  readonly mode: BatchMode;
  readonly dryRun: boolean;
  readonly totalRows: number;
  readonly validRows: number;
  readonly errorRows: number;
  readonly written: number;
  /** Rows with errors; `row` is the spreadsheet row number (the header is row 1). */
  readonly rows: readonly { readonly row: number; readonly errors: readonly ImportRowError[] }[];
}

export interface ImportOptions {
  readonly format: TableFormat;
  readonly mode?: BatchMode;
  readonly dryRun?: boolean;
}

/** Row limit of one file; larger registrations are split or loaded with the bulk API. */
export const MAX_IMPORT_ROWS = 200_000;

interface ParsedRow {
  readonly input: Record<string, unknown>;
  readonly errors: ImportRowError[];
}

export class ImportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly organizations: OrganizationService,
    private readonly instruments: InstrumentService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async template(kind: ImportKind, format: TableFormat): Promise<Buffer> {
    const columns = TEMPLATES[kind];
    return writeTable(format, [
      { name: kind === 'instruments' ? '器具' : '单位', columns: columns.map((c) => ({ header: c.header, width: c.width })), rows: [columns.map((c) => c.example)] },
      ...(format === 'xlsx'
        ? [{ name: '说明', columns: [{ header: '列', width: 26 }, { header: '字段', width: 20 }, { header: '必填', width: 8 }, { header: '格式', width: 30 }], rows: columns.map((c) => [c.header, c.key, c.required ? '是' : '否', formatHint(c)]) }]
        : []),
    ]);
  }

  async import(caller: Caller, kind: ImportKind, bytes: Buffer, options: ImportOptions): Promise<ImportReport> {
    const action = `import.${kind}`;
    await this.access.require(caller, 'registry:import', action);
    const mode = options.mode ?? 'all';
    const dryRun = options.dryRun ?? false;
    const table = await readTable(bytes, options.format).catch(() => {
      throw new AppError('JL_ERR_VALIDATION', [fieldError('/file', 'invalid_format')]);
    });
    const columns = TEMPLATES[kind];
    const [header, ...body] = table;
    const columnIndex = mapHeader(header ?? [], columns);
    const missing = columns.filter((c) => c.required && columnIndex.get(c.key) === undefined);
    if (!header || missing.length) {
      throw new AppError('JL_ERR_VALIDATION', (missing.length ? missing : columns.filter((c) => c.required)).map((c) => fieldError(`/columns/${c.key}`, 'required')));
    }
    if (body.length > MAX_IMPORT_ROWS) throw new AppError('JL_ERR_VALIDATION', [fieldError('/file', 'out_of_range')]);

    const parsed = body.map((cells) => parseRow(cells, columns, columnIndex));
    const validation = kind === 'organizations' ? await this.validateOrganizations(parsed) : await this.validateInstruments(parsed);

    const rowErrors = new Map<number, ImportRowError[]>();
    parsed.forEach((p, i) => p.errors.length && rowErrors.set(i, [...p.errors]));
    for (const r of validation.invalid) rowErrors.set(r.index, [...(rowErrors.get(r.index) ?? []), ...r.errors.map((e) => toRowError(e, columns))]);
    // Rows of another district or organization than the caller's are errors of that row.
    for (const v of validation.valid) {
      const row = v.value as { districtCode: string; ownerId?: number };
      const tenant = { districtCode: row.districtCode, organizationIds: row.ownerId === undefined ? [] : [row.ownerId] };
      if (!can(caller.actor, 'registry:import', tenant)) rowErrors.set(v.index, [...(rowErrors.get(v.index) ?? []), toRowError(fieldError('/districtCode', 'outside_scope'), columns)]);
    }
    const validRows = validation.valid.filter((v) => !rowErrors.has(v.index));

    const report = {
      kind,
      mode,
      dryRun,
      totalRows: body.length,
      validRows: validRows.length,
      errorRows: rowErrors.size,
      rows: [...rowErrors.entries()].sort(([a], [b]) => a - b).map(([index, errors]) => ({ row: index + 2, errors })),
    };
    if (rowErrors.size > 0 && mode === 'all') {
      throw new AppError('JL_ERR_IMPORT_HAS_ERRORS', [], undefined, { report: { ...report, written: 0 } });
    }
    if (dryRun || validRows.length === 0) return { ...report, written: 0 };
    const values = validRows.map((v) => v.value);
    await this.db.transaction().execute(async (trx) => {
      const ids =
        kind === 'organizations'
          ? await this.organizations.write(trx, values as Parameters<OrganizationService['write']>[1])
          : await this.instruments.write(trx, values as Parameters<InstrumentService['write']>[1]);
      await this.audit.append(trx, auditEntry(caller, action, 'ok', { type: kind === 'organizations' ? 'organization' : 'instrument' }, { ...batchDetail(ids), count: ids.length, mode }));
    });
    return { ...report, written: values.length };
  }

  private async validateOrganizations(parsed: readonly ParsedRow[]): Promise<BatchValidation<unknown>> {
    return this.organizations.validateMany(parsed.map((p) => p.input));
  }

  private async validateInstruments(parsed: readonly ParsedRow[]): Promise<BatchValidation<unknown>> {
    return this.instruments.validateMany(parsed.map((p) => p.input));
  }
}

function formatHint(c: TemplateColumn): string {
  switch (c.kind) {
    case 'date':
      return 'YYYY-MM-DD';
    case 'integer':
      return '整数';
    case 'list':
      return `用“、”分隔：${Object.keys(ROLE_NAMES).join('、')}`;
    default:
      return c.key === 'categoryCode' ? '类别代码或名称，见 /api/v1/reference/categories' : c.key === 'useDomain' ? '贸易结算、安全防护、医疗卫生、环境监测' : '文本';
  }
}

function mapHeader(header: readonly Cell[], columns: readonly TemplateColumn[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((cell, i) => {
    const text = String(cell ?? '').trim();
    const column = columns.find((c) => c.header === text || c.key === text);
    if (column && !index.has(column.key)) index.set(column.key, i);
  });
  return index;
}

function parseRow(cells: readonly Cell[], columns: readonly TemplateColumn[], index: Map<string, number>): ParsedRow {
  const input: Record<string, unknown> = {};
  const errors: ImportRowError[] = [];
  for (const column of columns) {
    const i = index.get(column.key);
    const cell = i === undefined ? null : (cells[i] ?? null);
    if (cell === null || (typeof cell === 'string' && cell.trim() === '')) continue;
    const value = convertCell(cell, column);
    if (value === undefined) errors.push({ ...fieldError(`/${column.key}`, column.kind === 'integer' ? 'wrong_type' : 'invalid_format'), column: column.key });
    else input[column.key] = value;
  }
  return { input, errors };
}

function convertCell(cell: Cell, column: TemplateColumn): unknown {
  switch (column.kind) {
    case 'date':
      if (cell instanceof Date) return cell.toISOString().slice(0, 10);
      return String(cell).trim().replace(/\//g, '-');
    case 'integer': {
      const n = typeof cell === 'number' ? cell : Number(String(cell).trim());
      return Number.isInteger(n) ? n : undefined;
    }
    case 'list':
      return String(cell)
        .split(/[、,，;；\s]+/)
        .filter(Boolean)
        .map((name) => ROLE_NAMES[name] ?? name);
    case 'text':
      return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
  }
}

/** Maps a service field pointer back to the template column it came from. */
function toRowError(e: FieldError, columns: readonly TemplateColumn[]): ImportRowError {
  const key = e.pointer.split('/')[1] ?? '';
  const column = columns.some((c) => c.key === key) ? key : '';
  return { ...e, pointer: column ? `/${column}` : e.pointer, column };
}

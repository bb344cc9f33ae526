// Exports of lists as .xlsx or .csv, with the same filters as the list itself.
import type { InstrumentService } from './instrument-service.ts';
import { writeTable, type Cell, type TableFormat } from './import/spreadsheet.ts';
import type { Caller } from '../domain/auth/actor.ts';
import { auditEntry, type AccessService } from './access-service.ts';
import type { AuditService } from './audit/audit-service.ts';

/** Largest export in one file; the list API pages through more. */
export const MAX_EXPORT_ROWS = 100_000;

const INSTRUMENT_COLUMNS = [
  ['id', 'ID', 8],
  ['categoryCode', '器具类别', 20],
  ['manufacturer', '制造单位', 28],
  ['model', '型号规格', 14],
  ['serialNo', '出厂编号', 18],
  ['ownerName', '使用单位', 32],
  ['districtCode', '区县代码', 10],
  ['site', '使用地点', 28],
  ['useDomain', '使用领域', 12],
  ['status', '状态', 10],
  ['registeredOn', '备案日期', 12],
  ['lastVerifiedOn', '最近检定日期', 12],
  ['lastConclusion', '最近检定结论', 10],
  ['nextDueOn', '下次检定日期', 12],
  ['dueState', '到期状态', 10],
] as const;

export class ExportService {
  constructor(
    private readonly instruments: InstrumentService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The caller's instruments as a spreadsheet. Owner names can be people's names: a sensitive export. */
  async instrumentList(caller: Caller, query: Record<string, unknown>, format: TableFormat): Promise<Buffer> {
    const action = 'export.instruments';
    await this.access.require(caller, 'registry:export', action);
    await this.access.requireRecentPassword(caller, action);
    const rows: Cell[][] = [];
    const pageSize = 200;
    for (let page = 1; rows.length < MAX_EXPORT_ROWS; page++) {
      const result = await this.instruments.list(caller, { ...query, page, pageSize });
      for (const item of result.items) rows.push(INSTRUMENT_COLUMNS.map(([key]) => (item[key] ?? null) as Cell));
      if (result.items.length < pageSize) break;
    }
    await this.audit.recordAlone(auditEntry(caller, action, 'ok', { type: 'instrument' }, { count: rows.length, format }));
    return writeTable(format, [{ name: '计量器具', columns: INSTRUMENT_COLUMNS.map(([, header, width]) => ({ header, width })), rows }]);
  }
}

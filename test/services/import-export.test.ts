import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { AppError } from '../../src/domain/errors.ts';
import { describeEachDialect, SYSTEM } from '../support/dialects.ts';
import { USCC } from '../support/fixtures.ts';

const INSTRUMENT_HEADER = '器具类别,制造单位,型号规格,出厂编号,使用单位统一社会信用代码,区县代码,使用领域,出厂日期,启用日期';

function csv(...lines: string[]): Buffer {
  return Buffer.from([INSTRUMENT_HEADER, ...lines].join('\r\n'), 'utf8');
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describeEachDialect('import and export', (ctx) => {
  test('imports organizations from the xlsx template, roles given by Chinese names', async () => {
    const template = await ctx().imports.template('organizations', 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.getRow(1).getCell(1).value, '统一社会信用代码');
    sheet.spliceRows(2, 1); // drop the example row
    sheet.addRow([USCC.market, '重庆市渝中区示例农贸市场有限公司', '500103', '使用单位、市场开办方']);
    sheet.addRow([USCC.institute, '重庆市计量质量检测研究院', 500112, '检定机构']);
    const report = await ctx().imports.import(SYSTEM, 'organizations', Buffer.from(await workbook.xlsx.writeBuffer()), { format: 'xlsx' });
    assert.equal(report.written, 2);
    const institutes = await ctx().organizations.list(SYSTEM, { role: 'verification_institute' });
    assert.deepEqual(institutes.items.map((o) => o.districtCode), ['500112']);
  });

  test('a CSV with one bad row writes nothing and reports that row, by spreadsheet row number and column', async () => {
    const before = await ctx().stats.counts();
    const file = csv(
      `PRICE_SCALE,上海友声衡器有限公司,ACS-15,A-1,${USCC.market},500103,贸易结算,2024-01-01,2024-02-01`,
      `PRICE_SCALE,上海友声衡器有限公司,ACS-15,A-2,${USCC.market},599999,贸易结算,2024-01-01,2024-02-01`,
      `燃油加油机,正星科技股份有限公司,ZX-2,B-1,${USCC.market},500103,TRADE,2024/01/01,`,
    );
    const error = await ctx().imports.import(SYSTEM, 'instruments', file, { format: 'csv' }).catch((e) => e);
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'JL_ERR_IMPORT_HAS_ERRORS');
    const report = error.extensions!.report as { totalRows: number; validRows: number; written: number; rows: { row: number; errors: { column: string; code: string }[] }[] };
    assert.equal(report.totalRows, 3);
    assert.equal(report.validRows, 2);
    assert.equal(report.written, 0);
    assert.deepEqual(report.rows, [{ row: 3, errors: [{ column: 'districtCode', pointer: '/districtCode', code: 'unknown_district', zh: '未知的区县代码', en: 'Unknown district code' }] }]);
    assert.deepEqual(await ctx().stats.counts(), before);
  });

  test('valid-only writes the valid rows and still reports the bad ones; dry run writes nothing', async () => {
    const file = csv(
      `PRICE_SCALE,上海友声衡器有限公司,ACS-15,C-1,${USCC.market},500103,贸易结算,2024-01-01,2024-02-01`,
      `PRICE_SCALE,上海友声衡器有限公司,ACS-15,C-2,${USCC.other1},500103,贸易结算,2024-01-01,2024-02-01`,
      `PRICE_SCALE,上海友声衡器有限公司,ACS-15,C-1,${USCC.market},500103,贸易结算,2024-01-01,2024-02-01`,
      `PRICE_SCALE,,ACS-15,C-3,${USCC.market},500103,贸易结算,not-a-date,`,
    );
    const before = await ctx().stats.counts();
    const dry = await ctx().imports.import(SYSTEM, 'instruments', file, { format: 'csv', mode: 'valid-only', dryRun: true });
    assert.equal(dry.written, 0);
    assert.deepEqual(await ctx().stats.counts(), before);
    const report = await ctx().imports.import(SYSTEM, 'instruments', file, { format: 'csv', mode: 'valid-only' });
    assert.equal(report.written, 1);
    assert.deepEqual(
      report.rows.map((r) => [r.row, r.errors.map((e) => `${e.column} ${e.code}`).sort()]),
      [
        [3, ['ownerUscc unknown_organization']],
        [4, ['serialNo duplicate_instrument']],
        [5, ['manufacturedOn invalid_format', 'manufacturer required']],
      ],
    );
    const listed = await ctx().instruments.list(SYSTEM, { q: 'C-' });
    assert.deepEqual(listed.items.map((i) => i.serialNo), ['C-1']);
  });

  test('reads CSV saved by Excel in GB18030 and rejects a file without the required columns', async () => {
    // Header by field keys, one value "上海" in GB18030 (C9CF BAA3): invalid UTF-8, so decoded as GB18030.
    const header = Buffer.from('categoryCode,manufacturer,model,serialNo,ownerUscc,districtCode,useDomain\n', 'ascii');
    const row = Buffer.concat([Buffer.from('PRICE_SCALE,', 'ascii'), Buffer.from([0xc9, 0xcf, 0xba, 0xa3]), Buffer.from(`,M-1,GBK-1,${USCC.market},500103,TRADE\n`, 'ascii')]);
    const report = await ctx().imports.import(SYSTEM, 'instruments', Buffer.concat([header, row]), { format: 'csv' });
    assert.equal(report.written, 1);
    assert.equal((await ctx().instruments.list(SYSTEM, { q: 'GBK-1' })).items[0]!.manufacturer, '上海');

    const missing = await ctx().imports.import(SYSTEM, 'instruments', Buffer.from('出厂编号\nA-9\n'), { format: 'csv' }).catch((e) => e);
    assert.equal(missing.code, 'JL_ERR_VALIDATION');
    assert.ok(missing.errors.some((e: { pointer: string }) => e.pointer === '/columns/categoryCode'));
  });

  test('exports the filtered instrument list as xlsx and csv', async () => {
    const xlsx = await readXlsx(await ctx().exports.instrumentList(SYSTEM, { q: 'C-' }, 'xlsx'));
    assert.equal(xlsx[0]![4], '出厂编号');
    assert.equal(xlsx.length, 2);
    assert.equal(xlsx[1]![4], 'C-1');
    const text = (await ctx().exports.instrumentList(SYSTEM, { districtCode: '500103' }, 'csv')).toString('utf8');
    assert.ok(text.startsWith('\uFEFFID,器具类别'));
    assert.equal(text.trim().split('\n').length, 3); // header, C-1 and GBK-1
  });

  test('templates exist in both formats for both kinds', async () => {
    for (const kind of ['instruments', 'organizations'] as const) {
      const text = (await ctx().imports.template(kind, 'csv')).toString('utf8');
      assert.ok(text.startsWith('\uFEFF'));
      assert.ok((await ctx().imports.template(kind, 'xlsx')).length > 1000);
    }
  });
});

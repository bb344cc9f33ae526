// The import report: totals, whether anything was written, and the row-level errors.
import { Alert, Card, Col, Empty, Row, Statistic, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type * as React from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../api/types.ts';
import { useLang } from '../lib/useLang.ts';
import { columnKey } from './importColumns.ts';

interface ErrorLine {
  readonly key: string;
  readonly row: number;
  readonly column: string;
  readonly message: string;
  readonly code: string;
}

export function ImportReportView({ report, failure }: { report: ImportReport; failure?: string | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const describeColumn = (column: string) => {
    const key = columnKey(report.kind, column);
    return key ? `${t(key)} (${column})` : column;
  };
  const lines: ErrorLine[] = report.rows.flatMap((row) =>
    row.errors.map((e, i) => ({
      key: `${row.row}-${i}`,
      row: row.row,
      column: describeColumn(e.column || e.pointer.replace(/^\//, '')),
      message: e[lang],
      code: e.code,
    })),
  );
  const columns: TableColumnsType<ErrorLine> = [
    { title: t('importPage.row'), dataIndex: 'row', key: 'row', width: 90 },
    { title: t('importPage.column'), dataIndex: 'column', key: 'column', width: 200 },
    { title: t('importPage.message'), dataIndex: 'message', key: 'message' },
  ];
  return (
    <Card title={t('importPage.report')} data-testid="import-report">
      {failure ? (
        <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="import-failed" />
      ) : (
        <Alert
          type={report.errorRows ? 'warning' : 'success'}
          showIcon
          title={t('importPage.success', { count: report.written })}
          style={{ marginBottom: 16 }}
          data-testid="import-succeeded"
        />
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('importPage.totalRows')} value={report.totalRows} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('importPage.validRows')} value={report.validRows} styles={{ content: { color: '#389e0d' } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('importPage.errorRows')} value={report.errorRows} styles={{ content: { color: report.errorRows ? '#cf1322' : undefined } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('importPage.written')} value={report.written} />
        </Col>
      </Row>
      {lines.length ? (
        <Table<ErrorLine>
          data-testid="import-errors"
          title={() => t('importPage.errorsTitle')}
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={lines}
          onRow={(line) => ({ 'data-testid': 'import-error-row', 'data-row': line.row }) as React.HTMLAttributes<HTMLElement>}
          pagination={lines.length > 50 ? { pageSize: 50 } : false}
        />
      ) : (
        <Empty description={t('importPage.noErrors')} />
      )}
    </Card>
  );
}

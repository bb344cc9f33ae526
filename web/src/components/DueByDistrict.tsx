// Due status by district: a stacked bar chart (overdue / due soon) with a table view of the same
// numbers for screen readers and exact reading.
import { Empty, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counts, DueSummary } from '../api/types.ts';
import { formatNumber } from '../lib/format.ts';
import { useNames } from '../lib/useLang.ts';
import { STATUS_COLORS } from './colors.ts';
import { ChartOrTable } from './ChartOrTable.tsx';
import { EChart } from './EChart.tsx';

type Row = Counts & { readonly districtCode: string; readonly name: string };

function DueChart({ rows }: { rows: readonly Row[] }) {
  const { t } = useTranslation();
  const shown = rows.filter((r) => r.overdue + r.dueSoon > 0).sort((a, b) => b.overdue + b.dueSoon - (a.overdue + a.dueSoon));
  const option = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 72 },
      xAxis: {
        type: 'category',
        data: shown.map((r) => r.name),
        axisLabel: { interval: 0, rotate: shown.length > 8 ? 40 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('dueState.overdue'),
          type: 'bar',
          stack: 'due',
          itemStyle: { color: STATUS_COLORS.overdue },
          data: shown.map((r) => r.overdue),
          barMaxWidth: 36,
        },
        {
          name: t('dueState.due_soon'),
          type: 'bar',
          stack: 'due',
          itemStyle: { color: STATUS_COLORS.dueSoon },
          data: shown.map((r) => r.dueSoon),
          barMaxWidth: 36,
        },
      ],
    }),
    [shown, t],
  );
  if (shown.length === 0) return <Empty description={t('due.noData')} data-testid="due-chart-empty" />;
  return <EChart option={option} testId="due-chart" ariaLabel={t('due.chartTitle')} />;
}

function DueTable({ rows, totals }: { rows: readonly Row[]; totals: Counts }) {
  const { t } = useTranslation();
  const { lang } = useNames();
  const num = (value: number) => formatNumber(value, lang);
  const columns: TableColumnsType<Row> = [
    { title: t('dashboard.district'), dataIndex: 'name', key: 'name' },
    { title: t('dueState.overdue'), dataIndex: 'overdue', key: 'overdue', align: 'right', render: num, sorter: (a, b) => a.overdue - b.overdue },
    { title: t('dueState.due_soon'), dataIndex: 'dueSoon', key: 'dueSoon', align: 'right', render: num, sorter: (a, b) => a.dueSoon - b.dueSoon },
    { title: t('dueState.valid'), dataIndex: 'valid', key: 'valid', align: 'right', render: num },
    { title: t('status.suspended'), dataIndex: 'suspended', key: 'suspended', align: 'right', render: num },
    { title: t('dueState.not_applicable'), dataIndex: 'notApplicable', key: 'notApplicable', align: 'right', render: num },
    { title: t('dashboard.total'), dataIndex: 'total', key: 'total', align: 'right', render: num, sorter: (a, b) => a.total - b.total },
  ];
  return (
    <Table<Row>
      data-testid="due-table"
      size="small"
      rowKey="districtCode"
      columns={columns}
      dataSource={rows.filter((r) => r.total > 0) as Row[]}
      pagination={false}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>{t('dashboard.total')}</strong>
          </Table.Summary.Cell>
          {[totals.overdue, totals.dueSoon, totals.valid, totals.suspended, totals.notApplicable, totals.total].map((value, i) => (
            <Table.Summary.Cell key={i} index={i + 1} align="right">
              <strong>{num(value)}</strong>
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
    />
  );
}

export function DueByDistrict({ summary }: { summary: DueSummary | undefined }) {
  const names = useNames();
  const rows = useMemo<Row[]>(
    () => (summary?.byDistrict ?? []).map((r) => ({ ...r, name: names.district(r.districtCode) })),
    [summary, names],
  );
  return (
    <ChartOrTable
      testId="due"
      chart={<DueChart rows={rows} />}
      table={<DueTable rows={rows} totals={summary?.totals ?? { valid: 0, dueSoon: 0, overdue: 0, notApplicable: 0, suspended: 0, total: 0 }} />}
    />
  );
}

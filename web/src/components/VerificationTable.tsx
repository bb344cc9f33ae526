// 检定记录: one row per verification, expandable to its items, standards and environment.
import { Descriptions, Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type * as React from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemDecision, Mpe, Verification, VerificationItem } from '../api/types.ts';
import { formatDate, orDash } from '../lib/format.ts';
import { formatPercent } from '../lib/itemDecision.ts';
import { CertificateCell } from './CertificateCell.tsx';
import { ConclusionTag } from './ConclusionTag.tsx';
import { GumOutputs } from './metrology/GumBudgetEditor.tsx';

function mpeText(mpe: Mpe): string {
  return typeof mpe === 'number' ? `±${mpe}` : `${mpe.lower} ~ ${mpe.upper}`;
}

function VerificationDetail({ v }: { v: Verification }) {
  const { t } = useTranslation();
  const itemColumns: TableColumnsType<VerificationItem> = [
    { title: t('verification.itemName'), dataIndex: 'name', key: 'name' },
    { title: t('verification.nominal'), dataIndex: 'nominal', key: 'nominal', render: (x?: number) => orDash(x) },
    { title: t('verification.error'), dataIndex: 'error', key: 'error' },
    { title: t('verification.mpe'), dataIndex: 'mpe', key: 'mpe', render: (m: Mpe) => mpeText(m) },
    { title: t('verification.itemU'), dataIndex: 'u', key: 'u', render: (x?: number) => orDash(x) },
    { title: t('verification.unit'), dataIndex: 'unit', key: 'unit', render: (x?: string) => orDash(x) },
    {
      title: t('verification.itemResult'),
      dataIndex: 'pass',
      key: 'pass',
      render: (pass: boolean | undefined, item) => {
        const accept = item.decision?.accept ?? pass;
        return accept === undefined ? (
          '—'
        ) : (
          <Tag color={accept ? 'green' : 'red'} data-testid="item-result">
            {t(accept ? 'conclusion.pass' : 'conclusion.fail')}
          </Tag>
        );
      },
    },
    {
      title: t('verification.decisionRule'),
      dataIndex: 'decision',
      key: 'rule',
      render: (d?: ItemDecision) => (d ? <span data-testid="item-rule">{t(`decisionRule.${d.rule}`)}</span> : '—'),
    },
    {
      title: t('verification.pc'),
      dataIndex: 'decision',
      key: 'pc',
      render: (d?: ItemDecision) => <span data-testid="item-pc">{formatPercent(d?.pc)}</span>,
    },
    {
      title: t('verification.specificRisk'),
      dataIndex: 'decision',
      key: 'specificRisk',
      render: (d?: ItemDecision) => <span data-testid="item-specific-risk">{formatPercent(d?.specificRisk)}</span>,
    },
  ];
  const env = v.environment ?? {};
  return (
    <div style={{ padding: '8px 0' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'verifier', label: t('verification.verifier'), children: v.verifier },
          { key: 'checker', label: t('verification.checker'), children: v.checker },
          { key: 'approver', label: t('verification.approver'), children: v.approver },
          { key: 'place', label: t('verification.place'), children: v.place },
          { key: 'regulation', label: t('verification.regulation'), children: orDash(v.regulation) },
          { key: 'adjusted', label: t('verification.adjusted'), children: t(v.adjusted ? 'common.yes' : 'common.no') },
          { key: 'temp', label: t('verification.temperature'), children: orDash(env.temperatureC) },
          { key: 'hum', label: t('verification.humidity'), children: orDash(env.humidityPct) },
          { key: 'other', label: t('verification.envOther'), children: orDash(env.other) },
        ]}
      />
      <Typography.Text strong>{t('verification.standards')}</Typography.Text>
      <ul style={{ margin: '4px 0 12px' }}>
        {v.standards.map((s, i) => (
          <li key={i}>
            {s.name}
            {s.certificateNo ? ` · ${t('verification.certificateNo')} ${s.certificateNo}` : ''}
            {s.uncertainty ? ` · ${s.uncertainty}` : ''}
            {s.validUntil ? ` · ${t('verification.standardValidUntil')} ${s.validUntil}` : ''}
          </li>
        ))}
      </ul>
      {v.uncertaintyBudget && (
        <div style={{ margin: '0 0 12px' }} data-testid="verification-budget-record">
          <Typography.Text strong>{t('verification.budgetRecorded')}</Typography.Text>
          <div style={{ margin: '4px 0' }}>
            <Typography.Text code data-testid="verification-budget-model">
              {v.uncertaintyBudget.input.model}
            </Typography.Text>
          </div>
          <GumOutputs result={v.uncertaintyBudget.result} />
        </div>
      )}
      <Table<VerificationItem>
        size="small"
        rowKey={(_, i) => String(i)}
        columns={itemColumns}
        dataSource={v.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(item) =>
          ({ 'data-testid': 'verification-item', 'data-accept': String(item.decision?.accept ?? item.pass) }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}

export function VerificationTable({ verifications }: { verifications: readonly Verification[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Verification> = [
    { title: t('verification.documentNo'), dataIndex: 'documentNo', key: 'documentNo', render: (x: string) => <Typography.Text copyable>{x}</Typography.Text> },
    { title: t('verification.documentKind'), dataIndex: 'documentKind', key: 'documentKind', render: (k: Verification['documentKind']) => t(`documentKind.${k}`) },
    { title: t('verification.verifiedOn'), dataIndex: 'verifiedOn', key: 'verifiedOn', render: formatDate },
    { title: t('verification.institution'), dataIndex: 'institutionName', key: 'institutionName' },
    { title: t('verification.conclusion'), dataIndex: 'conclusion', key: 'conclusion', render: (c: Verification['conclusion']) => <ConclusionTag conclusion={c} /> },
    { title: t('verification.validUntil'), dataIndex: 'validUntil', key: 'validUntil', render: (x: string | null) => formatDate(x) },
    { title: t('certificate.column'), key: 'certificate', render: (_: unknown, v: Verification) => <CertificateCell verification={v} /> },
  ];
  const newestFirst = [...verifications].reverse();
  return (
    <Table<Verification>
      data-testid="verification-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={newestFirst}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(row) => ({ 'data-testid': 'verification-row', 'data-conclusion': row.conclusion, 'data-document-no': row.documentNo }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <Empty description={t('instrumentDetail.noVerifications')} /> }}
      expandable={{ expandedRowRender: (v) => <VerificationDetail v={v} /> }}
    />
  );
}

// 审计日志: who did what to which record, and whether it was allowed; filters by action and
// outcome, and an on-demand check of the log's hash chain and signed checkpoints.
import { Button, Card, Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditLog, useVerifyAudit, type AuditEntry, type AuditFilter } from '../../api/admin.ts';
import { AuditVerdictAlert } from '../../components/admin/AuditVerdictAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useShowError } from '../../components/problem.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatInstant } from '../../lib/format.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import type { AuditOutcome } from '../../../../src/domain/audit/audit-entry.ts';

const OUTCOMES: readonly AuditOutcome[] = ['ok', 'denied', 'failed'];
const OUTCOME_COLORS: Record<AuditOutcome, string> = { ok: 'green', denied: 'orange', failed: 'red' };

export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = useAuditLog({ ...useDebounced(filter, 300), page, pageSize });
  const showError = useShowError();
  const verify = useVerifyAudit();

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', key: 'seq' },
    { title: t('audit.recordedAt'), dataIndex: 'recordedAt', key: 'recordedAt', render: formatInstant },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, e) => `${t(`audit.actorKind.${e.actorKind}`, { defaultValue: e.actorKind })}${e.actorId ? ` #${e.actorId}` : ''}`,
    },
    { title: t('audit.scope'), dataIndex: 'scope', key: 'scope', render: (scope: string | null) => (scope ? <code>{scope}</code> : '—') },
    { title: t('audit.action'), dataIndex: 'action', key: 'action', render: (action: string) => <code>{action}</code> },
    {
      title: t('audit.outcomeLabel'),
      dataIndex: 'outcome',
      key: 'outcome',
      render: (outcome: AuditOutcome) => <Tag color={OUTCOME_COLORS[outcome]}>{t(`audit.outcome.${outcome}`)}</Tag>,
    },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_, e) => (e.targetType ? `${e.targetType}${e.targetId ? ` #${e.targetId}` : ''}` : '—'),
    },
    { title: t('audit.requestId'), dataIndex: 'requestId', key: 'requestId', responsive: ['xxl'], render: (id: string | null) => id ?? '—' },
  ];

  return (
    <PageContainer
      title={t('audit.title')}
      crumbs={[{ title: t('nav.admin') }, { title: t('nav.audit') }]}
      testId="audit-page"
      extra={
        <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate(undefined, { onError: (error) => showError(error) })} data-testid="verify-audit">
          {t('audit.verify')}
        </Button>
      }
    >
      {verify.data ? <AuditVerdictAlert verdict={verify.data} /> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<AuditFilter>
          onValuesChange={(_, values) => {
            setFilter({ action: values.action?.trim() || undefined, outcome: values.outcome });
            setPage(1);
          }}
        >
          <Row gutter={[16, 0]}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="action" label={t('audit.action')}>
                <Input allowClear placeholder={t('audit.actionPlaceholder')} data-testid="audit-filter-action" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="outcome" label={t('audit.outcomeLabel')}>
                <Select allowClear placeholder={t('common.all')} options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))} data-testid="audit-filter-outcome" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card size="small">
        {query.isError && !query.data ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<AuditEntry>
            data-testid="audit-table"
            rowKey="seq"
            size="small"
            columns={columns}
            dataSource={query.data?.items ?? []}
            loading={query.isFetching}
            scroll={{ x: 'max-content' }}
            expandable={{
              rowExpandable: (e) => Object.keys(e.detail).length > 0,
              expandedRowRender: (e) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(e.detail, null, 2)}</pre>,
            }}
            onRow={(e) => ({ 'data-testid': 'audit-row', 'data-action': e.action, 'data-outcome': e.outcome }) as React.HTMLAttributes<HTMLElement>}
            onChange={(p) => {
              setPage(p.current ?? 1);
              setPageSize(p.pageSize ?? 20);
            }}
            pagination={{ current: page, pageSize, total: query.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
          />
        )}
      </Card>
    </PageContainer>
  );
}

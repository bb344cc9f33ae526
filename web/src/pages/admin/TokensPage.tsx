// API 令牌: machine tokens with their role and scope and when each was last used; create (the
// secret is shown once) and revoke.
import { App, Button, Card, Table, Tag } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevokeToken, useTokens, type ApiToken, type CreatedToken } from '../../api/admin.ts';
import { CreateTokenModal } from '../../components/admin/CreateTokenModal.tsx';
import { TokenSecretModal } from '../../components/admin/TokenSecretModal.tsx';
import { GrantTag } from '../../components/GrantTag.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useShowError } from '../../components/problem.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatInstant } from '../../lib/format.ts';

function useRevoke() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const revoke = useRevokeToken();
  return (token: ApiToken) =>
    modal.confirm({
      title: t('admin.revokeTitle', { name: token.name }),
      content: t('admin.revokeBody'),
      okText: t('admin.revoke'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-revoke' } as ButtonProps,
      onOk: async () => {
        try {
          await revoke.mutateAsync(token.id);
          void message.success(t('admin.revoked', { name: token.name }));
        } catch (error) {
          showError(error);
        }
      },
    });
}

export function TokensPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const revoke = useRevoke();
  const query = useTokens({ page, pageSize });

  const columns: TableColumnsType<ApiToken> = [
    { title: t('admin.tokenName'), dataIndex: 'name', key: 'name' },
    { title: t('admin.grant'), key: 'grant', render: (_, token) => <GrantTag grant={token} /> },
    { title: t('admin.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatInstant },
    {
      title: t('admin.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      key: 'lastUsedAt',
      render: (value: string | null) => (value ? formatInstant(value) : t('admin.neverUsed')),
    },
    { title: t('admin.expiresAt'), dataIndex: 'expiresAt', key: 'expiresAt', render: (value: string | null) => (value ? formatInstant(value) : t('admin.noExpiry')) },
    {
      title: t('admin.statusLabel'),
      key: 'status',
      render: (_, token) =>
        token.revokedAt ? (
          <Tag data-testid="token-status" data-status="revoked">
            {t('admin.revokedAt', { time: formatInstant(token.revokedAt) })}
          </Tag>
        ) : token.expiresAt && Date.parse(token.expiresAt) <= Date.now() ? (
          <Tag data-testid="token-status" data-status="expired">
            {t('admin.tokenExpired')}
          </Tag>
        ) : (
          <Tag color="green" data-testid="token-status" data-status="active">
            {t('admin.tokenActive')}
          </Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) =>
        token.revokedAt ? null : (
          <Button type="link" size="small" danger onClick={() => revoke(token)} data-testid="revoke-token">
            {t('admin.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <PageContainer
      title={t('admin.tokensTitle')}
      subTitle={t('admin.tokensHint')}
      crumbs={[{ title: t('nav.admin') }, { title: t('nav.tokens') }]}
      testId="tokens-page"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-token">
          {t('admin.createToken')}
        </Button>
      }
    >
      <Card size="small">
        {query.isError && !query.data ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<ApiToken>
            data-testid="token-table"
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items ?? []}
            loading={query.isFetching}
            scroll={{ x: 'max-content' }}
            onRow={(token) => ({ 'data-testid': 'token-row', 'data-name': token.name }) as React.HTMLAttributes<HTMLElement>}
            onChange={(p) => {
              setPage(p.current ?? 1);
              setPageSize(p.pageSize ?? 20);
            }}
            pagination={{ current: page, pageSize, total: query.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
          />
        )}
      </Card>
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <TokenSecretModal token={created} onClose={() => setCreated(null)} />
    </PageContainer>
  );
}

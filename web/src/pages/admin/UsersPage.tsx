// 用户管理: accounts with their grants and status; create, edit grants, enable/disable, reset
// the password.
import { App, Button, Card, Flex, Input, Space, Table, Tag } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetUserStatus, useUsers, type AdminUser } from '../../api/admin.ts';
import { CreateUserDrawer } from '../../components/admin/CreateUserDrawer.tsx';
import { EditGrantsModal } from '../../components/admin/EditGrantsModal.tsx';
import { ResetPasswordModal } from '../../components/admin/ResetPasswordModal.tsx';
import { GrantTag } from '../../components/GrantTag.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useShowError } from '../../components/problem.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatInstant } from '../../lib/format.ts';

function UserStatusTags({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const locked = user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now();
  return (
    <Space size={[0, 4]} wrap data-testid="user-status" data-status={user.status}>
      <Tag color={user.status === 'active' ? 'green' : 'default'}>{t(`admin.status.${user.status}`)}</Tag>
      {locked && <Tag color="orange">{t('admin.lockedUntil', { time: formatInstant(user.lockedUntil) })}</Tag>}
    </Space>
  );
}

/** Enabling is immediate; disabling asks first. */
function useToggleStatus() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const setStatus = useSetUserStatus();
  const apply = async (user: AdminUser, status: AdminUser['status']) => {
    try {
      await setStatus.mutateAsync({ id: user.id, status });
      void message.success(t(status === 'active' ? 'admin.enabled' : 'admin.disabled', { username: user.username }));
    } catch (error) {
      showError(error);
    }
  };
  return (user: AdminUser) => {
    if (user.status === 'disabled') return void apply(user, 'active');
    modal.confirm({
      title: t('admin.disableTitle', { username: user.username }),
      content: t('admin.disableBody'),
      okText: t('admin.disable'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-disable' } as ButtonProps,
      onOk: () => apply(user, 'disabled'),
    });
  };
}

export function UsersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [resetting, setResetting] = useState<AdminUser | null>(null);
  const toggleStatus = useToggleStatus();
  const query = useUsers({ q, page, pageSize });

  const columns: TableColumnsType<AdminUser> = [
    { title: t('admin.username'), dataIndex: 'username', key: 'username', render: (name: string) => <code>{name}</code> },
    { title: t('admin.displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('admin.grants'),
      key: 'grants',
      render: (_, user) => (
        <Flex wrap gap={4}>
          {user.grants.map((grant) => (
            <GrantTag key={`${grant.role}@${grant.scope}`} grant={grant} />
          ))}
        </Flex>
      ),
    },
    { title: t('admin.statusLabel'), key: 'status', render: (_, user) => <UserStatusTags user={user} /> },
    { title: t('admin.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatInstant, responsive: ['xl'] },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing(user)} data-testid="edit-grants">
            {t('admin.editGrants')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(user)} data-testid="reset-password">
            {t('admin.resetPassword')}
          </Button>
          <Button type="link" size="small" danger={user.status === 'active'} onClick={() => toggleStatus(user)} data-testid="toggle-status">
            {t(user.status === 'active' ? 'admin.disable' : 'admin.enable')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('admin.usersTitle')}
      crumbs={[{ title: t('nav.admin') }, { title: t('nav.users') }]}
      testId="users-page"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
          {t('admin.createUser')}
        </Button>
      }
    >
      <Card size="small">
        <Input.Search
          allowClear
          placeholder={t('admin.searchUsers')}
          onSearch={(value) => {
            setQ(value.trim() || undefined);
            setPage(1);
          }}
          style={{ maxWidth: 360, marginBottom: 12 }}
          data-testid="user-search"
        />
        {query.isError && !query.data ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<AdminUser>
            data-testid="user-table"
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items ?? []}
            loading={query.isFetching}
            scroll={{ x: 'max-content' }}
            onRow={(user) => ({ 'data-testid': 'user-row', 'data-username': user.username }) as React.HTMLAttributes<HTMLElement>}
            onChange={(p) => {
              setPage(p.current ?? 1);
              setPageSize(p.pageSize ?? 20);
            }}
            pagination={{ current: page, pageSize, total: query.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
          />
        )}
      </Card>
      <CreateUserDrawer open={creating} onClose={() => setCreating(false)} />
      <EditGrantsModal user={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </PageContainer>
  );
}

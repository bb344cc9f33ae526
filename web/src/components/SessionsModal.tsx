// The signed-in user's sessions (ASVS 3.3.4): browser, address, when signed in and last active,
// the current one marked; any one can be ended, or all but the current.
import { Button, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEndOtherSessions, useEndSession, useSessions, type SessionSummary } from '../api/auth.ts';
import { formatInstant } from '../lib/format.ts';
import { QueryError } from './QueryError.tsx';

export function SessionsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const sessions = useSessions(open);
  const end = useEndSession();
  const endOthers = useEndOtherSessions();
  const others = (sessions.data ?? []).filter((s) => !s.current).length;

  const columns: TableColumnsType<SessionSummary> = [
    {
      title: t('sessions.browser'),
      key: 'browser',
      render: (_, s) => (
        <>
          <Typography.Text ellipsis={{ tooltip: s.userAgent }} style={{ maxWidth: 260 }}>
            {s.userAgent ?? t('sessions.unknown')}
          </Typography.Text>
          {s.current ? (
            <Tag color="green" style={{ marginLeft: 8 }} data-testid="session-current">
              {t('sessions.current')}
            </Tag>
          ) : null}
        </>
      ),
    },
    { title: t('sessions.address'), dataIndex: 'clientAddress', render: (v: string | null) => v ?? t('sessions.unknown') },
    { title: t('sessions.signedIn'), dataIndex: 'createdAt', render: formatInstant },
    { title: t('sessions.lastSeen'), dataIndex: 'lastSeenAt', render: formatInstant },
    {
      title: '',
      key: 'end',
      render: (_, s) => (
        <Button size="small" danger loading={end.isPending && end.variables?.id === s.id} onClick={() => end.mutate(s)} data-testid="session-end">
          {s.current ? t('sessions.endCurrent') : t('sessions.end')}
        </Button>
      ),
    },
  ];

  return (
    <Modal
      title={t('sessions.title')}
      open={open}
      onCancel={onClose}
      width={880}
      footer={
        <Popconfirm title={t('sessions.endOthersConfirm')} onConfirm={() => endOthers.mutate()} okText={t('common.confirm')} cancelText={t('common.cancel')} okButtonProps={{ danger: true, 'data-testid': 'confirm-end-others' } as ButtonProps}>
          <Button danger disabled={others === 0} loading={endOthers.isPending} data-testid="sessions-end-others">
            {t('sessions.endOthers')}
          </Button>
        </Popconfirm>
      }
    >
      {sessions.error ? <QueryError error={sessions.error} /> : null}
      <Table rowKey="id" size="small" pagination={false} loading={sessions.isLoading} columns={columns} dataSource={sessions.data ?? []} data-testid="sessions-table" />
    </Modal>
  );
}

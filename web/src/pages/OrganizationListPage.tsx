// 单位 list: search by name/USCC, role and district filters, server-side paging.
import { Button, Card, Col, Empty, Form, Input, Row, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useOrganizations } from '../api/organizations.ts';
import type { Organization, Role } from '../api/types.ts';
import { useCan } from '../auth/session.ts';
import { PageContainer } from '../components/PageContainer.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { DistrictSelect, RoleSelect } from '../components/ReferenceSelects.tsx';
import { RegisterOrganizationDrawer } from '../components/RegisterOrganizationDrawer.tsx';
import { formatInstant } from '../lib/format.ts';
import { useNames } from '../lib/useLang.ts';

interface Filter {
  q?: string | undefined;
  role?: Role | undefined;
  districtCode?: string | undefined;
}

export function OrganizationListPage() {
  const { t } = useTranslation();
  const names = useNames();
  const can = useCan();
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [registering, setRegistering] = useState(false);
  const query = useOrganizations({ ...filter, page, pageSize });

  const apply = () => {
    const values = form.getFieldsValue();
    setFilter({ ...values, q: values.q?.trim() || undefined });
    setPage(1);
  };

  const columns: TableColumnsType<Organization> = [
    {
      title: t('organization.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, row) => (
        <Link to={`/organizations/${row.id}`} data-testid="organization-link">
          {name}
        </Link>
      ),
    },
    { title: t('organization.uscc'), dataIndex: 'uscc', key: 'uscc', render: (x: string) => <code>{x}</code> },
    { title: t('organization.district'), dataIndex: 'districtCode', key: 'district', render: (c: string) => names.district(c) },
    {
      title: t('organization.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (roles: Role[]) => (
        <Space size={[0, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r} color={r === 'verification_institute' ? 'purple' : 'blue'}>
              {t(`role.${r}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('organization.contactName'), dataIndex: 'contactName', key: 'contactName', render: (x: string | null) => x ?? '—' },
    { title: t('organization.contactPhone'), dataIndex: 'contactPhone', key: 'contactPhone', render: (x: string | null) => x ?? '—' },
    { title: t('organization.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatInstant, responsive: ['xl'] },
  ];

  return (
    <PageContainer
      title={t('organization.title')}
      crumbs={[{ title: t('nav.organizations') }]}
      testId="organization-list-page"
      extra={
        can('registry:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="register-organization">
            {t('organization.register')}
          </Button>
        )
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<Filter> form={form} onFinish={apply} onValuesChange={(changed) => !('q' in changed) && apply()} labelCol={{ flex: '96px' }}>
          <Row gutter={[16, 0]}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="q" label={t('common.search')}>
                <Input allowClear placeholder={t('organization.searchPlaceholder')} data-testid="org-filter-q" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="role" label={t('organization.roles')}>
                <RoleSelect placeholder={t('common.all')} data-testid="org-filter-role" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="districtCode" label={t('organization.district')}>
                <DistrictSelect placeholder={t('common.all')} data-testid="org-filter-district" />
              </Form.Item>
            </Col>
            <Col flex="auto" style={{ textAlign: 'right' }}>
              <Form.Item>
                <Space>
                  <Button
                    icon={<UndoOutlined />}
                    onClick={() => {
                      form.resetFields();
                      apply();
                    }}
                  >
                    {t('common.reset')}
                  </Button>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="org-filter-submit">
                    {t('common.search')}
                  </Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card size="small">
        {query.isError && !query.data ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Organization>
            data-testid="organization-table"
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items ?? []}
            loading={query.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('organization.empty')} /> }}
            onChange={(p) => {
              setPage(p.current ?? 1);
              setPageSize(p.pageSize ?? 20);
            }}
            pagination={{
              current: page,
              pageSize,
              total: query.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        )}
      </Card>
      {can('registry:write') && <RegisterOrganizationDrawer open={registering} onClose={() => setRegistering(false)} />}
    </PageContainer>
  );
}

// Organization detail: its registration data and the instruments it owns.
import { Button, Card, Descriptions, Result, Skeleton, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { useOrganization } from '../api/organizations.ts';
import { useCan } from '../auth/session.ts';
import { InstrumentTable } from '../components/InstrumentTable.tsx';
import { PageContainer } from '../components/PageContainer.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { RegisterInstrumentDrawer } from '../components/RegisterInstrumentDrawer.tsx';
import { formatInstant, formatNumber, orDash } from '../lib/format.ts';
import { useNames } from '../lib/useLang.ts';

export function OrganizationDetailPage() {
  const { t } = useTranslation();
  const names = useNames();
  const can = useCan();
  const id = Number(useParams().id);
  const query = useOrganization(id);
  const [registering, setRegistering] = useState(false);
  const crumbs = [{ title: t('nav.organizations'), to: '/organizations' }];
  const org = query.data;

  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <PageContainer title={t('organization.title')} crumbs={crumbs}>
        {notFound ? (
          <Result status="404" title={t('common.notFound')} extra={<Link to="/organizations">{t('nav.organizations')}</Link>} />
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </PageContainer>
    );
  }
  if (!org) {
    return (
      <PageContainer title={t('organization.title')} crumbs={crumbs}>
        <Card>
          <Skeleton active />
        </Card>
      </PageContainer>
    );
  }

  return (
    <PageContainer title={org.name} crumbs={[...crumbs, { title: org.name }]} testId="organization-detail-page">
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          data-testid="organization-basic"
          items={[
            { key: 'uscc', label: t('organization.uscc'), children: <code>{org.uscc}</code> },
            { key: 'district', label: t('organization.district'), children: names.district(org.districtCode) },
            {
              key: 'roles',
              label: t('organization.roles'),
              children: (
                <Space size={[0, 4]} wrap>
                  {org.roles.map((r) => (
                    <Tag key={r}>{t(`role.${r}`)}</Tag>
                  ))}
                </Space>
              ),
            },
            { key: 'address', label: t('organization.address'), children: orDash(org.address) },
            { key: 'contactName', label: t('organization.contactName'), children: orDash(org.contactName) },
            { key: 'contactPhone', label: t('organization.contactPhone'), children: orDash(org.contactPhone) },
            { key: 'count', label: t('organization.instrumentCount'), children: formatNumber(org.instrumentCount, names.lang) },
            { key: 'createdAt', label: t('organization.createdAt'), children: formatInstant(org.createdAt) },
          ]}
        />
      </Card>
      <Card
        title={t('organization.instruments')}
        extra={
          can('registry:write') && (
            <Button icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="register-instrument">
              {t('instrumentList.register')}
            </Button>
          )
        }
      >
        <InstrumentTable filter={{ ownerId: org.id }} hideOwner />
      </Card>
      {can('registry:write') && (
        <RegisterInstrumentDrawer
          open={registering}
          onClose={() => setRegistering(false)}
          defaults={{ ownerId: org.id, districtCode: org.districtCode }}
        />
      )}
    </PageContainer>
  );
}

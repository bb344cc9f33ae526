// Instrument detail: summary, lifecycle actions, tabs 基本信息 / 检定记录 / 操作记录, and the
// calibration-interval recommendation (校准间隔建议) card.
import { Button, Card, Descriptions, Result, Skeleton, Space, Tabs } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { useInstrument } from '../api/instruments.ts';
import { useCategories } from '../api/reference.ts';
import type { InstrumentDetail } from '../api/types.ts';
import { useCan } from '../auth/session.ts';
import { ConclusionTag } from '../components/ConclusionTag.tsx';
import { DueStateTag } from '../components/DueStateTag.tsx';
import { EventTimeline } from '../components/EventTimeline.tsx';
import { IntervalRecommendationCard } from '../components/IntervalRecommendationCard.tsx';
import { LifecycleActions } from '../components/LifecycleActions.tsx';
import { PageContainer } from '../components/PageContainer.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { VerificationDrawer } from '../components/VerificationDrawer.tsx';
import { VerificationTable } from '../components/VerificationTable.tsx';
import { formatDate, formatInstant, orDash } from '../lib/format.ts';
import { useNames } from '../lib/useLang.ts';

function BasicInfo({ instrument }: { instrument: InstrumentDetail }) {
  const { t } = useTranslation();
  const names = useNames();
  const category = useCategories().data?.find((c) => c.code === instrument.categoryCode);
  const i = instrument;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="instrument-basic"
      items={[
        { key: 'status', label: t('instrument.status'), children: <StatusTag status={i.status} /> },
        {
          key: 'nextDueOn',
          label: t('instrument.nextDueOn'),
          children: <span data-testid="next-due-on">{formatDate(i.nextDueOn)}</span>,
        },
        { key: 'dueState', label: t('instrument.dueState'), children: <DueStateTag state={i.dueState} /> },
        ...(i.suspensionReason
          ? [{ key: 'reason', label: t('instrument.suspensionReason'), children: t(`suspensionReason.${i.suspensionReason}`) }]
          : []),
        { key: 'lastVerifiedOn', label: t('instrument.lastVerifiedOn'), children: formatDate(i.lastVerifiedOn) },
        {
          key: 'lastConclusion',
          label: t('instrument.lastConclusion'),
          children: i.lastConclusion ? <ConclusionTag conclusion={i.lastConclusion} /> : '—',
        },
        { key: 'category', label: t('instrument.category'), children: names.category(i.categoryCode) },
        { key: 'regulation', label: t('instrument.regulation'), children: orDash(category?.regulation) },
        {
          key: 'cycle',
          label: t('instrument.cycleMonths'),
          children: category?.cycleMonths ? t('instrument.cycleValue', { months: category.cycleMonths }) : '—',
        },
        { key: 'manufacturer', label: t('instrument.manufacturer'), children: i.manufacturer },
        { key: 'model', label: t('instrument.model'), children: i.model },
        { key: 'serialNo', label: t('instrument.serialNo'), children: <span data-testid="serial-no">{i.serialNo}</span> },
        { key: 'patternApprovalNo', label: t('instrument.patternApprovalNo'), children: orDash(i.patternApprovalNo) },
        { key: 'accuracyClass', label: t('instrument.accuracyClass'), children: orDash(i.accuracyClass) },
        { key: 'measuringRange', label: t('instrument.measuringRange'), children: orDash(i.measuringRange) },
        { key: 'owner', label: t('instrument.owner'), children: <Link to={`/organizations/${i.ownerId}`}>{i.ownerName}</Link> },
        { key: 'district', label: t('instrument.district'), children: names.district(i.districtCode) },
        { key: 'useDomain', label: t('instrument.useDomain'), children: names.useDomain(i.useDomain) },
        { key: 'site', label: t('instrument.site'), children: orDash(i.site) },
        { key: 'manufacturedOn', label: t('instrument.manufacturedOn'), children: formatDate(i.manufacturedOn) },
        { key: 'registeredOn', label: t('instrument.registeredOn'), children: formatDate(i.registeredOn) },
        { key: 'installedOn', label: t('instrument.installedOn'), children: formatDate(i.installedOn) },
        { key: 'serviceLifeMonths', label: t('instrument.serviceLifeMonths'), children: orDash(i.serviceLifeMonths) },
        { key: 'createdAt', label: t('instrument.createdAt'), children: formatInstant(i.createdAt) },
      ]}
    />
  );
}

export function InstrumentDetailPage() {
  const { t } = useTranslation();
  const names = useNames();
  const can = useCan();
  const id = Number(useParams().id);
  const query = useInstrument(id);
  const category = useCategories().data?.find((c) => c.code === query.data?.categoryCode);
  const [tab, setTab] = useState('basic');
  const [recording, setRecording] = useState(false);
  const crumbs = [{ title: t('nav.instruments'), to: '/instruments' }, { title: t('instrumentDetail.title') }];

  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <PageContainer title={t('instrumentDetail.title')} crumbs={crumbs}>
        {notFound ? (
          <Result status="404" title={t('common.notFound')} extra={<Link to="/instruments">{t('nav.instruments')}</Link>} />
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </PageContainer>
    );
  }
  const instrument = query.data;
  if (!instrument) {
    return (
      <PageContainer title={t('instrumentDetail.title')} crumbs={crumbs}>
        <Card>
          <Skeleton active />
        </Card>
      </PageContainer>
    );
  }

  const heading = t('instrumentDetail.heading', { category: names.category(instrument.categoryCode), serialNo: instrument.serialNo });
  return (
    <PageContainer
      title={
        <Space wrap>
          <span>{heading}</span>
          <StatusTag status={instrument.status} />
          <DueStateTag state={instrument.dueState} />
        </Space>
      }
      documentTitle={heading}
      subTitle={`${instrument.ownerName} · ${instrument.manufacturer} ${instrument.model}`}
      crumbs={[{ title: t('nav.instruments'), to: '/instruments' }, { title: instrument.serialNo }]}
      testId="instrument-detail-page"
      extra={
        <Space wrap>
          {can('registry:write') && <LifecycleActions instrument={instrument} />}
          {can('verification:record') && instrument.status !== 'scrapped' && (
            <Button type="primary" icon={<AuditOutlined />} onClick={() => setRecording(true)} data-testid="record-verification">
              {t('instrumentDetail.recordVerification')}
            </Button>
          )}
        </Space>
      }
    >
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          data-testid="instrument-tabs"
          items={[
            { key: 'basic', label: <span data-testid="tab-basic">{t('instrumentDetail.tabBasic')}</span>, children: <BasicInfo instrument={instrument} /> },
            {
              key: 'verifications',
              label: (
                <span data-testid="tab-verifications">
                  {t('instrumentDetail.tabVerifications')} ({instrument.verifications.length})
                </span>
              ),
              children: <VerificationTable verifications={instrument.verifications} />,
            },
            {
              key: 'events',
              label: <span data-testid="tab-events">{t('instrumentDetail.tabEvents')}</span>,
              children: <EventTimeline events={instrument.events} />,
            },
          ]}
        />
      </Card>
      <div style={{ marginTop: 16 }}>
        <IntervalRecommendationCard instrumentId={instrument.id} category={category} />
      </div>
      {can('verification:record') && (
        <VerificationDrawer
          instrumentId={instrument.id}
          regulation={category?.regulation}
          open={recording}
          onClose={() => setRecording(false)}
        />
      )}
    </PageContainer>
  );
}

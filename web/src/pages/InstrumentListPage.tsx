// 计量器具 list: filter bar, export buttons, dense table, register drawer (each action only for
// sessions that may take it).
import { Button, Card, Flex } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { InstrumentSort } from '../api/types.ts';
import { useCan } from '../auth/session.ts';
import { ExportButtons } from '../components/ExportButtons.tsx';
import { InstrumentFilterBar } from '../components/InstrumentFilterBar.tsx';
import { InstrumentTable } from '../components/InstrumentTable.tsx';
import { PageContainer } from '../components/PageContainer.tsx';
import { RegisterInstrumentDrawer } from '../components/RegisterInstrumentDrawer.tsx';
import { filterFromParams, paramsFromFilter } from './filterParams.ts';

export function InstrumentListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const [sort, setSort] = useState<InstrumentSort | undefined>(undefined);
  const [registering, setRegistering] = useState(false);

  return (
    <PageContainer
      title={t('instrumentList.title')}
      crumbs={[{ title: t('nav.instruments') }]}
      testId="instrument-list-page"
      extra={
        can('registry:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="register-instrument">
            {t('instrumentList.register')}
          </Button>
        )
      }
    >
      <InstrumentFilterBar value={filter} onChange={(next) => setParams(paramsFromFilter(next))} />
      <Card size="small">
        {can('registry:export') && (
          <Flex justify="flex-end" style={{ marginBottom: 12 }}>
            <ExportButtons filter={{ ...filter, sort }} />
          </Flex>
        )}
        <InstrumentTable filter={filter} onSortChange={setSort} />
      </Card>
      {can('registry:write') && <RegisterInstrumentDrawer open={registering} onClose={() => setRegistering(false)} />}
    </PageContainer>
  );
}

// 计量器具 list: filter bar, export links, dense table, register drawer.
import { Button, Card, Flex, Space } from 'antd';
import { FileExcelOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { exportUrl } from '../api/instruments.ts';
import type { InstrumentSort } from '../api/types.ts';
import { InstrumentFilterBar } from '../components/InstrumentFilterBar.tsx';
import { InstrumentTable } from '../components/InstrumentTable.tsx';
import { PageContainer } from '../components/PageContainer.tsx';
import { RegisterInstrumentDrawer } from '../components/RegisterInstrumentDrawer.tsx';
import { filterFromParams, paramsFromFilter } from './filterParams.ts';

export function InstrumentListPage() {
  const { t } = useTranslation();
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
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="register-instrument">
          {t('instrumentList.register')}
        </Button>
      }
    >
      <InstrumentFilterBar value={filter} onChange={(next) => setParams(paramsFromFilter(next))} />
      <Card size="small">
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Space>
            <Button icon={<FileExcelOutlined />} href={exportUrl('xlsx', { ...filter, sort })} data-testid="export-xlsx">
              {t('common.exportXlsx')}
            </Button>
            <Button icon={<FileTextOutlined />} href={exportUrl('csv', { ...filter, sort })} data-testid="export-csv">
              {t('common.exportCsv')}
            </Button>
          </Space>
        </Flex>
        <InstrumentTable filter={filter} onSortChange={setSort} />
      </Card>
      <RegisterInstrumentDrawer open={registering} onClose={() => setRegistering(false)} />
    </PageContainer>
  );
}

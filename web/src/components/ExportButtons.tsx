// 导出 Excel / 导出 CSV of the instrument list with its current filters and sort.
import { Button, Space } from 'antd';
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportInstruments, type ExportFormat, type InstrumentFilter } from '../api/instruments.ts';
import type { InstrumentSort } from '../api/types.ts';
import { download } from '../lib/exportResult.ts';
import { useShowError } from './problem.tsx';

const MEDIA_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};

export function ExportButtons({ filter }: { filter: InstrumentFilter & { sort?: InstrumentSort | undefined } }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [exporting, setExporting] = useState<ExportFormat | null>(null);

  const run = async (format: ExportFormat) => {
    setExporting(format);
    try {
      download(await exportInstruments(format, filter), `jiliang-instruments.${format}`, MEDIA_TYPES[format]);
    } catch (error) {
      showError(error);
    } finally {
      setExporting(null);
    }
  };

  return (
    <Space>
      <Button icon={<FileExcelOutlined />} loading={exporting === 'xlsx'} onClick={() => void run('xlsx')} data-testid="export-xlsx">
        {t('common.exportXlsx')}
      </Button>
      <Button icon={<FileTextOutlined />} loading={exporting === 'csv'} onClick={() => void run('csv')} data-testid="export-csv">
        {t('common.exportCsv')}
      </Button>
    </Space>
  );
}

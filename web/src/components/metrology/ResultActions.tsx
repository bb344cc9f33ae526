// Downloads of a calculation (JSON, CSV) and printing of its result panel (print CSS, window.print).
import { Button, Space } from 'antd';
import { DownloadOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { download, printResult, toCsv, toJson, type CalculationRecord } from '../../lib/exportResult.ts';

interface Props {
  readonly record: CalculationRecord | undefined;
  /** File name without extension. */
  readonly filename: string;
}

export function ResultActions({ record, filename }: Props) {
  const { t } = useTranslation();
  const disabled = !record;
  return (
    <Space wrap className="no-print" data-testid="result-actions">
      <Button
        icon={<DownloadOutlined />}
        disabled={disabled}
        onClick={() => record && download(toJson(record), `${filename}.json`, 'application/json')}
        data-testid="download-json"
      >
        {t('metrology.downloadJson')}
      </Button>
      <Button
        icon={<FileTextOutlined />}
        disabled={disabled}
        onClick={() =>
          record &&
          download(
            toCsv(record, [t('metrology.csvSection'), t('metrology.csvField'), t('metrology.csvValue')]),
            `${filename}.csv`,
            'text/csv;charset=utf-8',
          )
        }
        data-testid="download-csv"
      >
        {t('common.exportCsv')}
      </Button>
      <Button icon={<PrinterOutlined />} disabled={disabled} onClick={printResult} data-testid="print-result">
        {t('metrology.print')}
      </Button>
    </Space>
  );
}

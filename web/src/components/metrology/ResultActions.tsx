// Downloads of a calculation (JSON, CSV, and the server's Excel workbook) and printing of its
// result panel (print CSS, window.print).
import { useState } from 'react';
import { Button, Space } from 'antd';
import { DownloadOutlined, FileExcelOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { metrologyReport, type MetrologyKind } from '../../api/metrology.ts';
import { download, printResult, toCsv, toJson, type CalculationRecord } from '../../lib/exportResult.ts';
import { useShowError } from '../problem.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Props {
  readonly record: CalculationRecord | undefined;
  /** File name without extension. */
  readonly filename: string;
}

export function ResultActions({ record, filename }: Props) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [exporting, setExporting] = useState(false);
  const disabled = !record;

  const exportXlsx = async () => {
    if (!record) return;
    setExporting(true);
    try {
      // The server recomputes from the same input, so the workbook matches what is shown.
      download(await metrologyReport(record.kind as MetrologyKind, record.input), `${filename}.xlsx`, XLSX);
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  };

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
      <Button
        icon={<FileExcelOutlined />}
        disabled={disabled}
        loading={exporting}
        onClick={() => void exportXlsx()}
        data-testid="download-xlsx"
      >
        {t('metrology.exportXlsx')}
      </Button>
      <Button icon={<PrinterOutlined />} disabled={disabled} onClick={printResult} data-testid="print-result">
        {t('metrology.print')}
      </Button>
    </Space>
  );
}

// Downloads of a calculation (JSON, CSV, and the server's Excel workbook and PDF report) and
// printing of its result panel (print CSS, window.print).
import { useState } from 'react';
import { Button, Space } from 'antd';
import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { metrologyReport, metrologyReportPdf, type MetrologyKind } from '../../api/metrology.ts';
import { download, printResult, toCsv, toJson, type CalculationRecord } from '../../lib/exportResult.ts';
import { useShowError } from '../problem.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';

interface Props {
  readonly record: CalculationRecord | undefined;
  /** File name without extension. */
  readonly filename: string;
  /** Prefixes the test ids, for a second set of actions on one page (the Monte Carlo card). */
  readonly testIdPrefix?: string;
}

export function ResultActions({ record, filename, testIdPrefix = '' }: Props) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [exporting, setExporting] = useState<'xlsx' | 'pdf' | null>(null);
  const disabled = !record;

  const exportReport = async (format: 'xlsx' | 'pdf') => {
    if (!record) return;
    setExporting(format);
    try {
      // The server recomputes from the same input, so the workbook and the PDF match what is shown.
      const kind = record.kind as MetrologyKind;
      if (format === 'xlsx') download(await metrologyReport(kind, record.input), `${filename}.xlsx`, XLSX);
      else download(await metrologyReportPdf(kind, record.input), `${filename}.pdf`, PDF);
    } catch (error) {
      showError(error);
    } finally {
      setExporting(null);
    }
  };

  return (
    <Space wrap className="no-print" data-testid={`${testIdPrefix}result-actions`}>
      <Button
        icon={<DownloadOutlined />}
        disabled={disabled}
        onClick={() => record && download(toJson(record), `${filename}.json`, 'application/json')}
        data-testid={`${testIdPrefix}download-json`}
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
        data-testid={`${testIdPrefix}download-csv`}
      >
        {t('common.exportCsv')}
      </Button>
      <Button
        icon={<FileExcelOutlined />}
        disabled={disabled}
        loading={exporting === 'xlsx'}
        onClick={() => void exportReport('xlsx')}
        data-testid={`${testIdPrefix}download-xlsx`}
      >
        {t('metrology.exportXlsx')}
      </Button>
      <Button
        icon={<FilePdfOutlined />}
        disabled={disabled}
        loading={exporting === 'pdf'}
        onClick={() => void exportReport('pdf')}
        data-testid={`${testIdPrefix}download-pdf`}
      >
        {t('metrology.exportPdf')}
      </Button>
      <Button icon={<PrinterOutlined />} disabled={disabled} onClick={printResult} data-testid={`${testIdPrefix}print-result`}>
        {t('metrology.print')}
      </Button>
    </Space>
  );
}

// 批量导入: choose kind, download a template, pick a file, import, read the row report.
import { App, Button, Card, Checkbox, Form, Radio, Space, Typography, Upload } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOf, templateUrl, useImport, type ImportOutcome } from '../api/imports.ts';
import type { ImportKind } from '../api/types.ts';
import { ImportReportView } from '../components/ImportReportView.tsx';
import { PageContainer } from '../components/PageContainer.tsx';
import { problemMessage, useShowError } from '../components/problem.tsx';
import { useLang } from '../lib/useLang.ts';

export function ImportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const [kind, setKind] = useState<ImportKind>('instruments');
  const [validOnly, setValidOnly] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const importer = useImport();

  const start = async () => {
    if (!file) return void message.warning(t('importPage.noFile'));
    const format = formatOf(file.name);
    if (!format) return void message.error(t('importPage.badFormat'));
    setOutcome(null);
    try {
      const result = await importer.mutateAsync({ kind, format, mode: validOnly ? 'valid-only' : 'all', file });
      setOutcome(result);
      if (result.ok) void message.success(t('importPage.success', { count: result.report.written }));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <PageContainer title={t('importPage.title')} crumbs={[{ title: t('nav.import') }]} testId="import-page">
      <Card style={{ marginBottom: 16 }}>
        <Form layout="horizontal" labelCol={{ flex: '120px' }} style={{ maxWidth: 760 }}>
          <Form.Item label={t('importPage.kind')}>
            <Radio.Group
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ImportKind);
                setOutcome(null);
              }}
              optionType="button"
              buttonStyle="solid"
              data-testid="import-kind"
              options={[
                { value: 'instruments', label: <span data-testid="import-kind-instruments">{t('importPage.kindInstruments')}</span> },
                { value: 'organizations', label: <span data-testid="import-kind-organizations">{t('importPage.kindOrganizations')}</span> },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('importPage.template')}>
            <Space>
              <Button icon={<DownloadOutlined />} href={templateUrl(kind, 'xlsx')} data-testid="template-xlsx">
                {t('importPage.templateXlsx')}
              </Button>
              <Button icon={<DownloadOutlined />} href={templateUrl(kind, 'csv')} data-testid="template-csv">
                {t('importPage.templateCsv')}
              </Button>
            </Space>
          </Form.Item>
          <Form.Item label={t('importPage.file')}>
            <Upload.Dragger
              accept=".xlsx,.csv"
              maxCount={1}
              multiple={false}
              beforeUpload={(chosen) => {
                setFile(chosen);
                setOutcome(null);
                return false;
              }}
              onRemove={() => {
                setFile(null);
                setOutcome(null);
              }}
              fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('importPage.file')}</p>
              <p className="ant-upload-hint">{t('importPage.fileHint')}</p>
            </Upload.Dragger>
          </Form.Item>
          <Form.Item label=" " colon={false} extra={t('importPage.validOnlyHint')}>
            <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)} data-testid="import-valid-only">
              {t('importPage.validOnly')}
            </Checkbox>
          </Form.Item>
          <Form.Item label=" " colon={false}>
            <Button type="primary" icon={<CloudUploadOutlined />} loading={importer.isPending} disabled={!file} onClick={() => void start()} data-testid="import-start">
              {t('importPage.start')}
            </Button>
            {file ? (
              <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                {t('importPage.fileChosen', { name: file.name })}
              </Typography.Text>
            ) : null}
          </Form.Item>
        </Form>
      </Card>
      {outcome ? (
        <ImportReportView report={outcome.report} failure={outcome.ok ? undefined : problemMessage(outcome.error, lang, t)} />
      ) : null}
    </PageContainer>
  );
}

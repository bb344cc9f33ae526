// 测量系统分析: gauge repeatability and reproducibility (AIAG MSA) from pasted data, one text area
// per appraiser with one row per trial and one column per part.
import { Button, Card, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, ExperimentOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMetrology, type GrrComponent, type GrrRequest, type GrrResult } from '../api/metrology.ts';
import { EChart } from '../components/EChart.tsx';
import { PageContainer } from '../components/PageContainer.tsx';
import { CalculationProblems } from '../components/metrology/CalculationProblems.tsx';
import { ChartOrTable } from '../components/ChartOrTable.tsx';
import { ResultActions } from '../components/metrology/ResultActions.tsx';
import { parseNumberList, percent, sig } from '../lib/metrologyFormat.ts';
import { useDebounced } from '../lib/useDebounced.ts';
import { GRR_AIAG } from '../metrology/presets.ts';

type Method = GrrRequest['method'];
const COMPONENTS: GrrComponent[] = ['ev', 'av', 'interaction', 'grr', 'pv'];

interface ComponentRow {
  readonly key: GrrComponent | 'tv';
  readonly sigma: number;
  readonly pctTV: number | undefined;
  readonly pctTol: number | undefined;
}

const toText = (trials: number[][]) => trials.map((row) => row.join('\t')).join('\n');

function parseAppraiser(text: string): number[][] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(parseNumberList);
}

function rowsOf(result: GrrResult): ComponentRow[] {
  return [
    ...COMPONENTS.map((key) => ({ key, sigma: result[key], pctTV: result.pctTotalVariation?.[key], pctTol: result.pctTolerance?.[key] })),
    { key: 'tv' as const, sigma: result.tv, pctTV: 100, pctTol: undefined },
  ];
}

function verdict(pct: number): { color: string; key: string } {
  if (pct < 10) return { color: 'success', key: 'acceptable' };
  if (pct <= 30) return { color: 'warning', key: 'marginal' };
  return { color: 'error', key: 'unacceptable' };
}

function ComponentChart({ result }: { result: GrrResult }) {
  const { t } = useTranslation();
  const rows = rowsOf(result).filter((r) => r.key !== 'tv');
  const option = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${sig(v, 4)}%` },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: rows.map((r) => t(`metrology.grr.components.${r.key}`)) },
      yAxis: { type: 'value', name: '%' },
      series: [
        { name: t('metrology.grr.pctTV'), type: 'bar', data: rows.map((r) => r.pctTV ?? null), itemStyle: { color: '#1677ff' }, barMaxWidth: 36 },
        ...(result.pctTolerance
          ? [{ name: t('metrology.grr.pctTol'), type: 'bar', data: rows.map((r) => r.pctTol ?? null), itemStyle: { color: '#fa8c16' }, barMaxWidth: 36 }]
          : []),
      ],
    }),
    [rows, result.pctTolerance, t],
  );
  return <EChart option={option} height={300} testId="grr-chart" ariaLabel={t('metrology.grr.chartTitle')} />;
}

function ComponentTable({ result, testId }: { result: GrrResult; testId: string }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ComponentRow> = [
    { title: t('metrology.grr.component'), dataIndex: 'key', key: 'key', render: (k: string) => t(`metrology.grr.components.${k}`) },
    { title: t('metrology.grr.sigma'), dataIndex: 'sigma', key: 'sigma', align: 'right', render: (v: number) => sig(v, 5) },
    { title: t('metrology.grr.studyVar'), key: 'sv', align: 'right', render: (_, r) => sig(6 * r.sigma, 5) },
    { title: t('metrology.grr.pctTV'), dataIndex: 'pctTV', key: 'pctTV', align: 'right', render: (v: number | undefined) => percent(v) },
    ...(result.pctTolerance
      ? [{ title: t('metrology.grr.pctTol'), dataIndex: 'pctTol', key: 'pctTol', align: 'right' as const, render: (v: number | undefined) => percent(v) }]
      : []),
  ];
  return (
    <Table<ComponentRow>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rowsOf(result)}
      pagination={false}
      data-testid={testId}
    />
  );
}

export function GrrPage() {
  const { t } = useTranslation();
  const [texts, setTexts] = useState<string[]>(() => GRR_AIAG.data.map(toText));
  const [method, setMethod] = useState<Method>('xbar-r');
  const [tolerance, setTolerance] = useState<number | null>(null);
  const request = useMemo<GrrRequest>(
    () => ({ data: texts.map(parseAppraiser), method, ...(tolerance === null ? {} : { tolerance }) }),
    [texts, method, tolerance],
  );
  const debounced = useDebounced(request, 400);
  const query = useMetrology<GrrResult>('grr', debounced);
  const result = query.isError ? undefined : query.data;
  const shape = request.data.map((a) => `${a.length}×${a[0]?.length ?? 0}`).join(', ');

  const loadExample = (m: Method) => {
    setTexts(GRR_AIAG.data.map(toText));
    setMethod(m);
  };

  return (
    <PageContainer
      title={t('metrology.grr.title')}
      crumbs={[{ title: t('nav.metrology') }, { title: t('nav.grr') }]}
      testId="grr-page"
      subTitle={t('metrology.grr.subtitle')}
      extra={
        <Space wrap>
          <Button icon={<ExperimentOutlined />} onClick={() => loadExample('xbar-r')} data-testid="preset-aiag-xbar-r">
            {t('metrology.grr.presetXbarR')}
          </Button>
          <Button onClick={() => loadExample('anova')} data-testid="preset-aiag-anova">
            {t('metrology.grr.presetAnova')}
          </Button>
        </Space>
      }
    >
      <Card title={t('metrology.grr.data')} style={{ marginBottom: 16 }} className="no-print">
        <Form layout="inline" component="div" style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item label={t('metrology.grr.method')}>
            <Radio.Group
              value={method}
              onChange={(e) => setMethod(e.target.value as Method)}
              optionType="button"
              buttonStyle="solid"
              data-testid="grr-method"
              options={[
                { value: 'xbar-r', label: t('metrology.grr.methods.xbarR') },
                { value: 'anova', label: t('metrology.grr.methods.anova') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('metrology.grr.tolerance')}>
            <InputNumber<number> min={0} value={tolerance} onChange={setTolerance} placeholder={t('common.optional')} data-testid="grr-tolerance" />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('metrology.grr.dataHint')} {t('metrology.grr.shape', { shape })}
        </Typography.Paragraph>
        <Row gutter={[12, 12]}>
          {texts.map((text, i) => (
            <Col key={i} xs={24} lg={12} xxl={8}>
              <Space style={{ marginBottom: 4 }}>
                <Typography.Text strong>{t('metrology.grr.appraiser', { n: i + 1 })}</Typography.Text>
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={texts.length <= 2}
                  aria-label={t('common.remove')}
                  onClick={() => setTexts(texts.filter((_, j) => j !== i))}
                />
              </Space>
              <Input.TextArea
                value={text}
                onChange={(e) => setTexts(texts.map((x, j) => (j === i ? e.target.value : x)))}
                autoSize={{ minRows: 3, maxRows: 8 }}
                style={{ fontFamily: 'monospace', fontSize: 12 }}
                aria-label={t('metrology.grr.appraiser', { n: i + 1 })}
                data-testid={`grr-appraiser-${i}`}
              />
            </Col>
          ))}
        </Row>
        <Button type="dashed" size="small" icon={<PlusOutlined />} style={{ marginTop: 12 }} onClick={() => setTexts([...texts, ''])} data-testid="grr-add-appraiser">
          {t('metrology.grr.addAppraiser')}
        </Button>
      </Card>

      <div className="metrology-print-area" data-testid="result-panel">
        <Card
          title={
            <Space>
              {t('metrology.grr.result')}
              {query.isFetching && <Spin size="small" />}
            </Space>
          }
          extra={<ResultActions record={result ? { kind: 'grr', input: debounced, result } : undefined} filename="gauge-rr" />}
          style={{ marginBottom: 16 }}
        >
          {query.isError && <CalculationProblems error={query.error} />}
          {result && (
            <>
              <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('metrology.grr.pctGRR')}>
                  <Space>
                    <span data-testid="grr-pct">{percent(result.pctGRR)}</span>
                    <Tag color={verdict(result.pctGRR).color} data-testid="grr-verdict">
                      {t(`metrology.grr.verdict.${verdict(result.pctGRR).key}`)}
                    </Tag>
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={t('metrology.grr.ndc')}>
                  <span data-testid="grr-ndc">{result.ndc}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('metrology.grr.method')}>{t(`metrology.grr.methods.${result.method === 'anova' ? 'anova' : 'xbarR'}`)}</Descriptions.Item>
                {result.interactionP !== undefined && (
                  <Descriptions.Item label={t('metrology.grr.interactionP')} span={3}>
                    {sig(result.interactionP, 3)} {result.interactionPooled ? `(${t('metrology.grr.pooled')})` : ''}
                  </Descriptions.Item>
                )}
              </Descriptions>
              <ComponentTable result={result} testId="grr-table" />
              <div style={{ marginTop: 16 }}>
                <ChartOrTable testId="grr-view" chart={<ComponentChart result={result} />} table={<ComponentTable result={result} testId="grr-chart-table" />} />
              </div>
              {result.anova && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    {t('metrology.grr.anovaTable')}
                  </Typography.Title>
                  <Table
                    size="small"
                    rowKey="source"
                    pagination={false}
                    data-testid="grr-anova"
                    dataSource={result.anova}
                    columns={[
                      { title: t('metrology.grr.source'), dataIndex: 'source', key: 'source', render: (s: string) => t(`metrology.grr.sources.${s}`, { defaultValue: s }) },
                      { title: 'df', dataIndex: 'df', key: 'df', align: 'right' },
                      { title: 'SS', dataIndex: 'ss', key: 'ss', align: 'right', render: (v: number) => sig(v, 5) },
                      { title: 'MS', dataIndex: 'ms', key: 'ms', align: 'right', render: (v?: number) => sig(v, 5) },
                      { title: 'F', dataIndex: 'f', key: 'f', align: 'right', render: (v?: number) => sig(v, 4) },
                      { title: 'p', dataIndex: 'p', key: 'p', align: 'right', render: (v?: number) => sig(v, 3) },
                    ]}
                  />
                </>
              )}
            </>
          )}
        </Card>
      </div>
    </PageContainer>
  );
}

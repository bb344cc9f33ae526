// 符合性判定: decision rules and risks (JCGM 106, ILAC G8) recalculated as the user types, with the
// measurement's probability density drawn against the tolerance and acceptance limits.
import { Button, Card, Checkbox, Col, Descriptions, Form, InputNumber, Radio, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMetrology, type ConformanceRequest, type ConformanceResult, type DecisionRule } from '../api/metrology.ts';
import { EChart } from '../components/EChart.tsx';
import { PageContainer } from '../components/PageContainer.tsx';
import { CalculationProblems } from '../components/metrology/CalculationProblems.tsx';
import { ChartOrTable } from '../components/ChartOrTable.tsx';
import { ResultActions } from '../components/metrology/ResultActions.tsx';
import { probability, sig } from '../lib/metrologyFormat.ts';
import { useDebounced } from '../lib/useDebounced.ts';
import { CONFORMANCE_CENTRED, CONFORMANCE_NEAR_LIMIT } from '../metrology/presets.ts';

interface ConformanceForm {
  measured: number | null;
  u: number | null;
  lower: number | null;
  upper: number | null;
  rule: DecisionRule;
  k: number | null;
  targetPFA: number | null;
  useProcess: boolean;
  processMean: number | null;
  processSd: number | null;
}

function formFrom(request: ConformanceRequest): ConformanceForm {
  return {
    measured: request.measured,
    u: request.u,
    lower: request.lower ?? null,
    upper: request.upper ?? null,
    rule: request.rule,
    k: request.k ?? 2,
    targetPFA: request.targetPFA ?? 0.025,
    useProcess: Boolean(request.process),
    processMean: request.process?.mean ?? null,
    processSd: request.process?.sd ?? null,
  };
}

function requestFrom(form: ConformanceForm): ConformanceRequest | undefined {
  if (form.measured === null || form.u === null) return undefined;
  return {
    measured: form.measured,
    u: form.u,
    ...(form.lower === null ? {} : { lower: form.lower }),
    ...(form.upper === null ? {} : { upper: form.upper }),
    rule: form.rule,
    ...(form.rule === 'guarded' && form.k !== null ? { k: form.k } : {}),
    ...(form.rule === 'risk' && form.targetPFA !== null ? { targetPFA: form.targetPFA } : {}),
    ...(form.useProcess && form.processMean !== null && form.processSd !== null ? { process: { mean: form.processMean, sd: form.processSd } } : {}),
  };
}

const normalPdf = (x: number, mean: number, sd: number) => Math.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));

interface Limit {
  readonly key: string;
  readonly label: string;
  readonly value: number;
}

function limitsOf(request: ConformanceRequest, result: ConformanceResult | undefined, t: (k: string) => string): Limit[] {
  const out: Limit[] = [];
  if (request.lower !== undefined) out.push({ key: 'lower', label: t('metrology.conf.lower'), value: request.lower });
  if (request.upper !== undefined) out.push({ key: 'upper', label: t('metrology.conf.upper'), value: request.upper });
  const a = result?.acceptance;
  if (a?.lower !== undefined && a.lower !== null && a.lower !== request.lower) out.push({ key: 'accLower', label: t('metrology.conf.accLower'), value: a.lower });
  if (a?.upper !== undefined && a.upper !== null && a.upper !== request.upper) out.push({ key: 'accUpper', label: t('metrology.conf.accUpper'), value: a.upper });
  out.push({ key: 'measured', label: t('metrology.conf.measured'), value: request.measured });
  return out;
}

function PdfChart({ request, result }: { request: ConformanceRequest; result: ConformanceResult | undefined }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const { measured, u } = request;
    const limits = limitsOf(request, result, t);
    const xs = [measured - 4.5 * u, measured + 4.5 * u, ...limits.map((l) => l.value)];
    if (request.process) xs.push(request.process.mean - 3 * request.process.sd, request.process.mean + 3 * request.process.sd);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const pad = (hi - lo) * 0.05 || 1;
    const from = lo - pad;
    const to = hi + pad;
    const n = 240;
    const grid = Array.from({ length: n + 1 }, (_, i) => from + ((to - from) * i) / n);
    const colors: Record<string, string> = { lower: '#cf1322', upper: '#cf1322', accLower: '#fa8c16', accUpper: '#fa8c16', measured: '#1677ff' };
    const series: object[] = [
      {
        name: t('metrology.conf.pdf'),
        type: 'line',
        showSymbol: false,
        smooth: false,
        data: grid.map((x) => [x, normalPdf(x, measured, u)]),
        lineStyle: { color: '#1677ff', width: 2 },
        areaStyle: { color: 'rgba(22,119,255,0.12)' },
        markLine: {
          symbol: 'none',
          label: { formatter: '{b}', position: 'insideEndTop' },
          data: limits.map((l) => ({
            name: l.label,
            xAxis: l.value,
            lineStyle: { color: colors[l.key], type: l.key.startsWith('acc') ? 'dashed' : l.key === 'measured' ? 'dotted' : 'solid', width: 1.5 },
          })),
        },
        markArea:
          request.lower !== undefined || request.upper !== undefined
            ? {
                silent: true,
                itemStyle: { color: 'rgba(82,196,26,0.08)' },
                data: [[{ xAxis: request.lower ?? from }, { xAxis: request.upper ?? to }]],
              }
            : undefined,
      },
    ];
    if (request.process) {
      const { mean, sd } = request.process;
      series.push({
        name: t('metrology.conf.processPdf'),
        type: 'line',
        showSymbol: false,
        data: grid.map((x) => [x, normalPdf(x, mean, sd)]),
        lineStyle: { color: '#8c8c8c', type: 'dashed' },
      });
    }
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => sig(v, 4) },
      legend: { top: 0 },
      grid: { left: 56, right: 24, top: 36, bottom: 32 },
      xAxis: { type: 'value', min: from, max: to, axisLabel: { formatter: (v: number) => sig(v, 4) } },
      yAxis: { type: 'value', name: t('metrology.conf.density') },
      series,
    };
  }, [request, result, t]);
  return <EChart option={option} height={300} testId="conformance-chart" ariaLabel={t('metrology.conf.chartTitle')} />;
}

function LimitsTable({ request, result }: { request: ConformanceRequest; result: ConformanceResult | undefined }) {
  const { t } = useTranslation();
  return (
    <Table<Limit>
      size="small"
      rowKey="key"
      pagination={false}
      data-testid="conformance-table"
      dataSource={limitsOf(request, result, t)}
      columns={[
        { title: t('metrology.conf.line'), dataIndex: 'label', key: 'label' },
        { title: t('metrology.value'), dataIndex: 'value', key: 'value', align: 'right', render: (v: number) => sig(v, 6) },
      ]}
    />
  );
}

export function ConformancePage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<ConformanceForm>(() => formFrom(CONFORMANCE_NEAR_LIMIT));
  const set = (patch: Partial<ConformanceForm>) => setForm((f) => ({ ...f, ...patch }));
  const request = useMemo(() => requestFrom(form), [form]);
  const debounced = useDebounced(request, 300);
  const query = useMetrology<ConformanceResult>('conformance', debounced);
  const result = query.isError ? undefined : query.data;

  const number = (key: keyof ConformanceForm, label: string, testId: string, extra: { min?: number; step?: number } = {}) => (
    <Form.Item label={label} style={{ marginBottom: 12 }}>
      <InputNumber<number>
        value={form[key] as number | null}
        onChange={(v) => set({ [key]: v } as Partial<ConformanceForm>)}
        style={{ width: '100%' }}
        data-testid={testId}
        {...extra}
      />
    </Form.Item>
  );

  return (
    <PageContainer
      title={t('metrology.conf.title')}
      crumbs={[{ title: t('nav.metrology') }, { title: t('nav.conformance') }]}
      testId="conformance-page"
      subTitle={t('metrology.conf.subtitle')}
      extra={
        <Space wrap>
          <Button icon={<ExperimentOutlined />} onClick={() => setForm(formFrom(CONFORMANCE_NEAR_LIMIT))} data-testid="preset-near-limit">
            {t('metrology.conf.presetNearLimit')}
          </Button>
          <Button onClick={() => setForm(formFrom(CONFORMANCE_CENTRED))} data-testid="preset-centred">
            {t('metrology.conf.presetCentred')}
          </Button>
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          <Card title={t('metrology.inputs')} style={{ marginBottom: 16 }} className="no-print">
            <Form layout="vertical" component="div">
              <Row gutter={12}>
                <Col span={12}>{number('measured', t('metrology.conf.measured'), 'conf-measured')}</Col>
                <Col span={12}>{number('u', t('metrology.conf.u'), 'conf-u', { min: 0 })}</Col>
                <Col span={12}>{number('lower', t('metrology.conf.lower'), 'conf-lower')}</Col>
                <Col span={12}>{number('upper', t('metrology.conf.upper'), 'conf-upper')}</Col>
              </Row>
              <Form.Item label={t('metrology.conf.rule')} style={{ marginBottom: 12 }}>
                <Radio.Group
                  value={form.rule}
                  onChange={(e) => set({ rule: e.target.value as DecisionRule })}
                  optionType="button"
                  buttonStyle="solid"
                  data-testid="conf-rule"
                  options={(['simple', 'guarded', 'risk'] as const).map((r) => ({ value: r, label: <span data-testid={`conf-rule-${r}`}>{t(`metrology.conf.rules.${r}`)}</span> }))}
                />
              </Form.Item>
              {form.rule === 'guarded' && number('k', t('metrology.conf.k'), 'conf-k', { min: 0, step: 0.5 })}
              {form.rule === 'risk' && number('targetPFA', t('metrology.conf.targetPFA'), 'conf-target-pfa', { min: 0.0001, step: 0.005 })}
              <Checkbox checked={form.useProcess} onChange={(e) => set({ useProcess: e.target.checked })} data-testid="conf-use-process" style={{ marginBottom: 12 }}>
                {t('metrology.conf.useProcess')}
              </Checkbox>
              {form.useProcess && (
                <Row gutter={12}>
                  <Col span={12}>{number('processMean', t('metrology.conf.processMean'), 'conf-process-mean')}</Col>
                  <Col span={12}>{number('processSd', t('metrology.conf.processSd'), 'conf-process-sd', { min: 0 })}</Col>
                </Row>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('metrology.conf.hint')}
              </Typography.Text>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <div className="metrology-print-area" data-testid="result-panel">
            <Card
              title={
                <Space>
                  {t('metrology.conf.result')}
                  {query.isFetching && <Spin size="small" />}
                </Space>
              }
              extra={<ResultActions record={result ? { kind: 'conformance', input: debounced, result } : undefined} filename="conformance" />}
              style={{ marginBottom: 16 }}
            >
              {query.isError && <CalculationProblems error={query.error} />}
              {result && (
                <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
                  <Descriptions.Item label={t('metrology.conf.decision')}>
                    <Tag color={result.decision === 'accept' ? 'success' : 'error'} data-testid="conf-decision">
                      {t(`metrology.conf.decisions.${result.decision}`)}
                    </Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('metrology.conf.pc')}>
                    <span data-testid="conf-pc">{probability(result.pc)}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('metrology.conf.specificRisk')}>
                    <span data-testid="conf-specific-risk">{probability(result.specificRisk)}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('metrology.conf.acceptance')}>
                    <span data-testid="conf-acceptance">
                      [{sig(result.acceptance.lower, 6)}, {sig(result.acceptance.upper, 6)}]
                    </span>
                  </Descriptions.Item>
                  {result.globalPFA !== undefined && (
                    <Descriptions.Item label={t('metrology.conf.globalPFA')}>
                      <span data-testid="conf-global-pfa">{probability(result.globalPFA)}</span>
                    </Descriptions.Item>
                  )}
                  {result.globalPFR !== undefined && (
                    <Descriptions.Item label={t('metrology.conf.globalPFR')}>
                      <span data-testid="conf-global-pfr">{probability(result.globalPFR)}</span>
                    </Descriptions.Item>
                  )}
                </Descriptions>
              )}
              {debounced && (
                <ChartOrTable testId="conformance-view" chart={<PdfChart request={debounced} result={result} />} table={<LimitsTable request={debounced} result={result} />} />
              )}
            </Card>
          </div>
        </Col>
      </Row>
    </PageContainer>
  );
}

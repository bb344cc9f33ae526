// 统计过程控制: Shewhart control charts (X̄–R, X̄–s, I–MR, p, c) with Western Electric rules, the
// dispersion chart, and process capability against the specification limits.
import { Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMetrology, type ChartKind, type DispersionChart, type SpcRequest, type SpcResult } from '../api/metrology.ts';
import { EChart } from '../components/EChart.tsx';
import { PageContainer } from '../components/PageContainer.tsx';
import { CalculationProblems } from '../components/metrology/CalculationProblems.tsx';
import { ChartOrTable } from '../components/ChartOrTable.tsx';
import { ResultActions } from '../components/metrology/ResultActions.tsx';
import { parseNumberList, sig } from '../lib/metrologyFormat.ts';
import { useDebounced } from '../lib/useDebounced.ts';
import { SPC_PISTON_RINGS } from '../metrology/presets.ts';

const CHARTS: ChartKind[] = ['xbar-r', 'xbar-s', 'imr', 'p', 'c'];
const hasSubgroups = (chart: ChartKind) => chart === 'xbar-r' || chart === 'xbar-s';
const hasSpec = (chart: ChartKind) => chart !== 'p' && chart !== 'c';

interface SpcForm {
  chart: ChartKind;
  data: string;
  sampleSize: string;
  lsl: number | null;
  usl: number | null;
  rules: boolean;
}

function presetForm(): SpcForm {
  return {
    chart: 'xbar-r',
    data: (SPC_PISTON_RINGS.subgroups ?? []).map((g) => g.join('\t')).join('\n'),
    sampleSize: '',
    lsl: SPC_PISTON_RINGS.spec?.lsl ?? null,
    usl: SPC_PISTON_RINGS.spec?.usl ?? null,
    rules: true,
  };
}

function requestFrom(form: SpcForm): SpcRequest {
  const lines = form.data
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const spec = hasSpec(form.chart) && (form.lsl !== null || form.usl !== null)
    ? { spec: { ...(form.lsl === null ? {} : { lsl: form.lsl }), ...(form.usl === null ? {} : { usl: form.usl }) } }
    : {};
  const rules = form.rules ? { rules: 'western-electric' as const } : {};
  if (hasSubgroups(form.chart)) return { chart: form.chart, subgroups: lines.map(parseNumberList), ...spec, ...rules };
  const values = parseNumberList(form.data);
  if (form.chart === 'p') {
    const sizes = parseNumberList(form.sampleSize);
    return { chart: 'p', values, sampleSize: sizes.length === 1 ? sizes[0]! : sizes, ...rules };
  }
  return { chart: form.chart, values, ...spec, ...rules };
}

interface PointRow {
  readonly index: number;
  readonly value: number | null;
  readonly lcl: number;
  readonly ucl: number;
  readonly beyond: boolean;
  readonly rules: number[];
}

function pointRows(points: readonly (number | null)[], limits: { lcl: number; ucl: number }, outOfControl: readonly number[], pointLimits?: SpcResult['pointLimits'], violations?: SpcResult['violations']): PointRow[] {
  const beyond = new Set(outOfControl);
  return points.map((value, index) => ({
    index,
    value,
    lcl: pointLimits?.[index]?.lcl ?? limits.lcl,
    ucl: pointLimits?.[index]?.ucl ?? limits.ucl,
    beyond: beyond.has(index),
    rules: (violations ?? []).filter((v) => v.index === index && v.rule !== 1).map((v) => v.rule),
  }));
}

interface ControlChartProps {
  readonly title: string;
  readonly center: number;
  readonly rows: readonly PointRow[];
  readonly variableLimits: boolean;
  readonly testId: string;
}

function ControlChart({ title, center, rows, variableLimits, testId }: ControlChartProps) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const x = rows.map((r) => String(r.index + 1));
    const first = rows[0];
    const limitLine = (name: string, value: number, color: string, type: string) => ({ name, yAxis: value, lineStyle: { color, type, width: 1.5 } });
    const flagged = rows.filter((r) => r.beyond || r.rules.length > 0);
    const all = rows.flatMap((r) => [r.value ?? center, r.lcl, r.ucl]);
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = (hi - lo) * 0.08 || 1;
    return {
      aria: { enabled: true },
      title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => sig(v, 5) },
      grid: { left: 72, right: 112, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: x, name: t('metrology.spc.sample'), nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'value', min: lo - pad, max: hi + pad, axisLabel: { formatter: (v: number) => sig(v, 5), showMinLabel: false, showMaxLabel: false } },
      series: [
        {
          name: title,
          type: 'line',
          data: rows.map((r) => r.value),
          itemStyle: { color: '#1677ff' },
          symbolSize: 6,
          markLine: {
            symbol: 'none',
            precision: 10,
            label: { formatter: (p: { name: string; value: number }) => `${p.name} ${sig(p.value, 5)}`, position: 'end' },
            data: [
              limitLine('CL', center, '#52c41a', 'solid'),
              ...(variableLimits || !first ? [] : [limitLine('UCL', first.ucl, '#cf1322', 'dashed'), limitLine('LCL', first.lcl, '#cf1322', 'dashed')]),
            ],
          },
        },
        ...(variableLimits
          ? [
              { name: 'UCL', type: 'line', step: 'middle', showSymbol: false, data: rows.map((r) => r.ucl), lineStyle: { color: '#cf1322', type: 'dashed' }, itemStyle: { color: '#cf1322' } },
              { name: 'LCL', type: 'line', step: 'middle', showSymbol: false, data: rows.map((r) => r.lcl), lineStyle: { color: '#cf1322', type: 'dashed' }, itemStyle: { color: '#cf1322' } },
            ]
          : []),
        {
          name: t('metrology.spc.outOfControl'),
          type: 'scatter',
          symbolSize: 12,
          z: 5,
          data: flagged.map((r) => ({ value: [String(r.index + 1), r.value], itemStyle: { color: r.beyond ? '#cf1322' : '#fa8c16' } })),
        },
      ],
    };
  }, [title, center, rows, variableLimits, t]);
  return <EChart option={option} height={300} testId={testId} ariaLabel={title} />;
}

function PointTable({ rows, testId }: { rows: readonly PointRow[]; testId: string }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<PointRow> = [
    { title: t('metrology.spc.sample'), dataIndex: 'index', key: 'index', render: (i: number) => i + 1 },
    { title: t('metrology.value'), dataIndex: 'value', key: 'value', align: 'right', render: (v: number | null) => sig(v, 6) },
    { title: 'LCL', dataIndex: 'lcl', key: 'lcl', align: 'right', render: (v: number) => sig(v, 6) },
    { title: 'UCL', dataIndex: 'ucl', key: 'ucl', align: 'right', render: (v: number) => sig(v, 6) },
    {
      title: t('metrology.spc.status'),
      key: 'status',
      render: (_, r) => (
        <Space size={4}>
          {r.beyond && <Tag color="error">{t('metrology.spc.beyondLimits')}</Tag>}
          {r.rules.map((rule) => (
            <Tag key={rule} color="warning">
              {t('metrology.spc.rule', { n: rule })}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  return <Table<PointRow> size="small" rowKey="index" columns={columns} dataSource={rows as PointRow[]} pagination={{ pageSize: 10, showSizeChanger: false }} data-testid={testId} />;
}

function dispersionOf(result: SpcResult): { key: string; chart: DispersionChart } | undefined {
  if (result.rangeChart) return { key: result.chart === 'imr' ? 'mr' : 'r', chart: result.rangeChart };
  if (result.sChart) return { key: 's', chart: result.sChart };
  return undefined;
}

export function SpcPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<SpcForm>(presetForm);
  const set = (patch: Partial<SpcForm>) => setForm((f) => ({ ...f, ...patch }));
  const request = useMemo(() => requestFrom(form), [form]);
  const debounced = useDebounced(request, 400);
  const query = useMetrology<SpcResult>('spc', debounced);
  const result = query.isError ? undefined : query.data;
  const locationRows = result ? pointRows(result.points, result, result.outOfControl, result.pointLimits, result.violations) : [];
  const dispersion = result ? dispersionOf(result) : undefined;
  const dispersionRows = dispersion?.chart.points ? pointRows(dispersion.chart.points, dispersion.chart, dispersion.chart.outOfControl) : [];
  const flaggedCount = locationRows.filter((r) => r.beyond || r.rules.length).length;

  return (
    <PageContainer
      title={t('metrology.spc.title')}
      crumbs={[{ title: t('nav.metrology') }, { title: t('nav.spc') }]}
      testId="spc-page"
      subTitle={t('metrology.spc.subtitle')}
      extra={
        <Button icon={<ExperimentOutlined />} onClick={() => setForm(presetForm())} data-testid="preset-piston-rings">
          {t('metrology.spc.preset')}
        </Button>
      }
    >
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <Card title={t('metrology.inputs')} style={{ marginBottom: 16 }} className="no-print">
            <Form layout="vertical" component="div">
              <Form.Item label={t('metrology.spc.chart')} style={{ marginBottom: 12 }}>
                <Select<ChartKind>
                  value={form.chart}
                  onChange={(chart) => set({ chart })}
                  options={CHARTS.map((c) => ({ value: c, label: t(`metrology.spc.charts.${c}`) }))}
                  data-testid="spc-chart-kind"
                />
              </Form.Item>
              <Form.Item label={t('metrology.spc.data')} extra={t(hasSubgroups(form.chart) ? 'metrology.spc.dataSubgroups' : 'metrology.spc.dataValues')} style={{ marginBottom: 12 }}>
                <Input.TextArea
                  value={form.data}
                  onChange={(e) => set({ data: e.target.value })}
                  autoSize={{ minRows: 6, maxRows: 14 }}
                  style={{ fontFamily: 'monospace', fontSize: 12 }}
                  data-testid="spc-data"
                />
              </Form.Item>
              {form.chart === 'p' && (
                <Form.Item label={t('metrology.spc.sampleSize')} extra={t('metrology.spc.sampleSizeHint')} style={{ marginBottom: 12 }}>
                  <Input value={form.sampleSize} onChange={(e) => set({ sampleSize: e.target.value })} data-testid="spc-sample-size" />
                </Form.Item>
              )}
              {hasSpec(form.chart) && (
                <Row gutter={12}>
                  <Col span={12}>
                    <Form.Item label={t('metrology.spc.lsl')} style={{ marginBottom: 12 }}>
                      <InputNumber<number> value={form.lsl} onChange={(lsl) => set({ lsl })} style={{ width: '100%' }} placeholder={t('common.optional')} data-testid="spc-lsl" />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item label={t('metrology.spc.usl')} style={{ marginBottom: 12 }}>
                      <InputNumber<number> value={form.usl} onChange={(usl) => set({ usl })} style={{ width: '100%' }} placeholder={t('common.optional')} data-testid="spc-usl" />
                    </Form.Item>
                  </Col>
                </Row>
              )}
              <Checkbox checked={form.rules} onChange={(e) => set({ rules: e.target.checked })} data-testid="spc-rules">
                {t('metrology.spc.westernElectric')}
              </Checkbox>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <div className="metrology-print-area" data-testid="result-panel">
            <Card
              title={
                <Space>
                  {t('metrology.spc.result')}
                  {query.isFetching && <Spin size="small" />}
                </Space>
              }
              extra={<ResultActions record={result ? { kind: 'spc', input: debounced, result } : undefined} filename="spc" />}
              style={{ marginBottom: 16 }}
            >
              {query.isError && <CalculationProblems error={query.error} />}
              {result && (
                <>
                  <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 16 }}>
                    <Descriptions.Item label={t('metrology.spc.cl')}>
                      <span data-testid="spc-center">{sig(result.center, 7)}</span>
                    </Descriptions.Item>
                    <Descriptions.Item label="UCL">
                      <span data-testid="spc-ucl">{sig(result.ucl, 7)}</span>
                    </Descriptions.Item>
                    <Descriptions.Item label="LCL">
                      <span data-testid="spc-lcl">{sig(result.lcl, 7)}</span>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('metrology.spc.flagged')}>
                      <Tag color={flaggedCount ? 'error' : 'success'} data-testid="spc-flagged">
                        {flaggedCount ? t('metrology.spc.flaggedCount', { count: flaggedCount }) : t('metrology.spc.inControl')}
                      </Tag>
                    </Descriptions.Item>
                    {result.sigma !== undefined && <Descriptions.Item label="σ̂">{sig(result.sigma, 4)}</Descriptions.Item>}
                    {result.cp !== undefined && (
                      <Descriptions.Item label="Cp">
                        <span data-testid="spc-cp">{sig(result.cp, 3)}</span>
                      </Descriptions.Item>
                    )}
                    {result.cpk !== undefined && (
                      <Descriptions.Item label="Cpk">
                        <span data-testid="spc-cpk">{sig(result.cpk, 3)}</span>
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                  <ChartOrTable
                    testId="spc-location"
                    chart={
                      <ControlChart
                        title={t(`metrology.spc.locationTitle.${result.chart}`)}
                        center={result.center}
                        rows={locationRows}
                        variableLimits={Boolean(result.pointLimits)}
                        testId="spc-chart"
                      />
                    }
                    table={<PointTable rows={locationRows} testId="spc-table" />}
                  />
                  {dispersion && dispersionRows.length > 0 && (
                    <div style={{ marginTop: 16 }}>
                      <ChartOrTable
                        testId="spc-dispersion"
                        chart={<ControlChart title={t(`metrology.spc.dispersionTitle.${dispersion.key}`)} center={dispersion.chart.center} rows={dispersionRows} variableLimits={false} testId="spc-range-chart" />}
                        table={<PointTable rows={dispersionRows} testId="spc-range-table" />}
                      />
                    </div>
                  )}
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
                    {t('metrology.spc.legend')}
                  </Typography.Paragraph>
                </>
              )}
            </Card>
          </div>
        </Col>
      </Row>
    </PageContainer>
  );
}

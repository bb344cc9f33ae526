// 不确定度评定: an uncertainty budget editor (GUM law of propagation, live as the user types), the
// budget with a contribution chart, and a Monte Carlo check (JCGM 101) on demand.
import { Alert, Button, Card, Descriptions, Flex, InputNumber, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ExperimentOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMonteCarlo, type BudgetEntry, type GumRequest, type GumResult, type McmRequest, type McmResult } from '../api/metrology.ts';
import { EChart } from '../components/EChart.tsx';
import { PageContainer } from '../components/PageContainer.tsx';
import { CalculationProblems } from '../components/metrology/CalculationProblems.tsx';
import { ChartOrTable } from '../components/ChartOrTable.tsx';
import { GumBudgetEditor, GumOutputs, useGumEvaluation } from '../components/metrology/GumBudgetEditor.tsx';
import { McmHistogram } from '../components/metrology/McmHistogram.tsx';
import { ResultActions } from '../components/metrology/ResultActions.tsx';
import { dof, estimate, percent, sig } from '../lib/metrologyFormat.ts';
import { formFromRequest, type GumForm } from '../metrology/gumForm.ts';
import { OpenSavedBudget } from '../components/metrology/OpenSavedBudget.tsx';
import { GUM_H1, GUM_RESISTANCE } from '../metrology/presets.ts';

function BudgetChart({ budget }: { budget: readonly BudgetEntry[] }) {
  const { t } = useTranslation();
  const rows = [...budget].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  const option = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 96, right: 72, top: 16, bottom: 32 },
      xAxis: { type: 'value', name: '|cᵢ|·u(xᵢ)', nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.input) },
      series: [
        {
          name: t('metrology.gum.contribution'),
          type: 'bar',
          data: rows.map((r) => Math.abs(r.contribution)),
          itemStyle: { color: '#1677ff' },
          barMaxWidth: 22,
          label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => percent(rows[p.dataIndex]?.percent, 1) },
        },
      ],
    }),
    [rows, t],
  );
  return <EChart option={option} height={Math.max(180, 36 * rows.length + 60)} testId="budget-chart" ariaLabel={t('metrology.gum.budgetChart')} />;
}

function BudgetTable({ budget }: { budget: readonly BudgetEntry[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<BudgetEntry> = [
    { title: t('metrology.gum.col.name'), dataIndex: 'input', key: 'input' },
    { title: t('metrology.gum.stdUncertainty'), dataIndex: 'u', key: 'u', align: 'right', render: (v: number) => sig(v) },
    { title: t('metrology.gum.col.dof'), dataIndex: 'dof', key: 'dof', align: 'right', render: (v: number | null) => dof(v) },
    { title: t('metrology.gum.sensitivity'), dataIndex: 'sensitivity', key: 'sensitivity', align: 'right', render: (v: number) => sig(v) },
    { title: t('metrology.gum.contribution'), dataIndex: 'contribution', key: 'contribution', align: 'right', render: (v: number) => sig(v) },
    { title: t('metrology.gum.percent'), dataIndex: 'percent', key: 'percent', align: 'right', render: (v: number) => percent(v) },
  ];
  return <Table<BudgetEntry> size="small" rowKey="input" columns={columns} dataSource={budget as BudgetEntry[]} pagination={false} data-testid="budget-table" />;
}

function IntervalChart({ mc, gum }: { mc: McmResult['outputs'][string]; gum: GumResult['outputs'][string] | undefined }) {
  const { t } = useTranslation();
  const rows = intervalRows(mc, gum, t);
  const option = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: 'item' },
      grid: { left: 120, right: 24, top: 16, bottom: 32 },
      xAxis: { type: 'value', scale: true },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
      series: rows.map((r, i) => ({
        name: r.label,
        type: 'line',
        data: [
          [r.lo, r.label],
          [r.hi, r.label],
        ],
        lineStyle: { width: 8, color: ['#1677ff', '#52c41a', '#fa8c16'][i % 3] },
        itemStyle: { color: ['#1677ff', '#52c41a', '#fa8c16'][i % 3] },
        symbolSize: 10,
      })),
    }),
    [rows],
  );
  return <EChart option={option} height={60 * rows.length + 60} testId="mcm-interval-chart" ariaLabel={t('metrology.mcm.intervalChart')} />;
}

function intervalRows(mc: McmResult['outputs'][string], gum: GumResult['outputs'][string] | undefined, t: (k: string) => string) {
  const rows = [
    { key: 'symmetric', label: t('metrology.mcm.symmetric'), lo: mc.interval.symmetric[0], hi: mc.interval.symmetric[1] },
    { key: 'shortest', label: t('metrology.mcm.shortest'), lo: mc.interval.shortest[0], hi: mc.interval.shortest[1] },
  ];
  const gumInterval = mc.validation?.gumInterval ?? (gum ? [gum.value - gum.U, gum.value + gum.U] : undefined);
  if (gumInterval) rows.unshift({ key: 'gum', label: t('metrology.mcm.gumInterval'), lo: gumInterval[0]!, hi: gumInterval[1]! });
  return rows;
}

function MonteCarloPanel({ request, gum }: { request: GumRequest | undefined; gum: GumResult | undefined }) {
  const { t } = useTranslation();
  const [trials, setTrials] = useState<number>(100_000);
  const [seed, setSeed] = useState<number>(1);
  const mcm = useMonteCarlo();
  const [ranWith, setRanWith] = useState<string | null>(null);
  const [ranBody, setRanBody] = useState<McmRequest | null>(null);
  const run = () => {
    if (!request) return;
    const body: McmRequest = { ...request, trials, seed };
    setRanWith(JSON.stringify(request));
    setRanBody(body);
    mcm.mutate(body);
  };
  const stale = mcm.data && ranWith !== JSON.stringify(request);
  return (
    <Card
      title={t('metrology.mcm.title')}
      style={{ marginBottom: 16 }}
      data-testid="mcm-card"
      extra={
        <Space wrap className="no-print">
          <span>{t('metrology.mcm.trials')}</span>
          <InputNumber<number> size="small" min={1000} max={10_000_000} step={100_000} value={trials} onChange={(v) => setTrials(v ?? 100_000)} data-testid="mcm-trials" aria-label={t('metrology.mcm.trials')} />
          <span>{t('metrology.mcm.seed')}</span>
          <InputNumber<number> size="small" min={0} value={seed} onChange={(v) => setSeed(v ?? 1)} data-testid="mcm-seed" aria-label={t('metrology.mcm.seed')} style={{ width: 90 }} />
          <Button type="primary" icon={<PlayCircleOutlined />} loading={mcm.isPending} disabled={!request} onClick={run} data-testid="mcm-run">
            {t('metrology.mcm.run')}
          </Button>
        </Space>
      }
    >
      {mcm.isError && <CalculationProblems error={mcm.error} />}
      {!mcm.data && !mcm.isError && <Typography.Text type="secondary">{t('metrology.mcm.hint')}</Typography.Text>}
      {mcm.data && (
        <>
          {stale && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('metrology.mcm.stale')} data-testid="mcm-stale" />}
          {Object.entries(mcm.data.outputs).map(([name, out]) => {
            const g = gum?.outputs[name];
            return (
              <div key={name} data-testid={`mcm-output-${name}`}>
                <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 12 }}>
                  <Descriptions.Item label={t('metrology.mcm.mean')}>
                    <span data-testid="mcm-mean">{estimate(out.value, out.u)}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label="u(y)">
                    <span data-testid="mcm-u">{sig(out.u)}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label="p">{out.p}</Descriptions.Item>
                  <Descriptions.Item label={t('metrology.mcm.symmetric')}>
                    <span data-testid="mcm-symmetric">[{estimate(out.interval.symmetric[0], out.u)}, {estimate(out.interval.symmetric[1], out.u)}]</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('metrology.mcm.shortest')}>
                    <span data-testid="mcm-shortest">[{estimate(out.interval.shortest[0], out.u)}, {estimate(out.interval.shortest[1], out.u)}]</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('metrology.mcm.trialsRun')}>{mcm.data.trials.toLocaleString()} (seed {mcm.data.seed})</Descriptions.Item>
                  {out.validation && (
                    <Descriptions.Item label={t('metrology.mcm.validation')} span={3}>
                      <Space wrap>
                        <Tag color={out.validation.passed ? 'success' : 'error'} data-testid="mcm-validation">
                          {out.validation.passed ? t('metrology.mcm.validated') : t('metrology.mcm.notValidated')}
                        </Tag>
                        <span>
                          d<sub>low</sub> = {sig(out.validation.dLow, 3)}, d<sub>high</sub> = {sig(out.validation.dHigh, 3)}, δ = {sig(out.validation.deltaTolerance, 2)} (n<sub>dig</sub> = {out.validation.ndig})
                        </span>
                      </Space>
                    </Descriptions.Item>
                  )}
                </Descriptions>
                <ChartOrTable
                  testId="mcm-intervals"
                  chart={<IntervalChart mc={out} gum={g} />}
                  table={
                    <Table
                      size="small"
                      rowKey="key"
                      pagination={false}
                      data-testid="mcm-interval-table"
                      dataSource={intervalRows(out, g, t)}
                      columns={[
                        { title: t('metrology.mcm.interval'), dataIndex: 'label', key: 'label' },
                        { title: t('metrology.mcm.low'), dataIndex: 'lo', key: 'lo', align: 'right', render: (v: number) => estimate(v, out.u) },
                        { title: t('metrology.mcm.high'), dataIndex: 'hi', key: 'hi', align: 'right', render: (v: number) => estimate(v, out.u) },
                        { title: t('metrology.mcm.width'), key: 'width', align: 'right', render: (_: unknown, r: { lo: number; hi: number }) => sig(r.hi - r.lo) },
                      ]}
                    />
                  }
                />
                <McmHistogram mc={out} gum={g} trials={mcm.data.trials} />
              </div>
            );
          })}
          {mcm.data.notes?.length ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
              {t('metrology.notes')}: {mcm.data.notes.join(' ')}
            </Typography.Paragraph>
          ) : null}
          {/* The server reruns the same trials with the same seed, so its Excel and PDF match this run. */}
          {ranBody && <ResultActions record={{ kind: 'mcm', input: ranBody, result: mcm.data }} filename="uncertainty-mcm" testIdPrefix="mcm-" />}
        </>
      )}
    </Card>
  );
}

export function UncertaintyPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<GumForm>(() => formFromRequest(GUM_RESISTANCE));
  const { request, debounced, query: gum, result } = useGumEvaluation(form);
  const outputs = Object.entries(result?.outputs ?? {});

  return (
    <PageContainer
      title={t('metrology.gum.title')}
      crumbs={[{ title: t('nav.metrology') }, { title: t('nav.uncertainty') }]}
      testId="uncertainty-page"
      subTitle={t('metrology.gum.subtitle')}
      extra={
        <Space wrap>
          <Button icon={<ExperimentOutlined />} onClick={() => setForm(formFromRequest(GUM_H1))} data-testid="preset-h1">
            {t('metrology.gum.presetH1')}
          </Button>
          <Button onClick={() => setForm(formFromRequest(GUM_RESISTANCE))} data-testid="preset-resistance">
            {t('metrology.gum.presetResistance')}
          </Button>
          <OpenSavedBudget onOpen={setForm} />
        </Space>
      }
    >
      <Card title={t('metrology.gum.modelAndInputs')} style={{ marginBottom: 16 }} className="no-print">
        <GumBudgetEditor form={form} onChange={setForm} />
      </Card>

      <div className="metrology-print-area" data-testid="result-panel">
        <Card
          title={
            <Space>
              {t('metrology.gum.result')}
              {gum.isFetching && <Spin size="small" data-testid="calculating" />}
            </Space>
          }
          extra={<ResultActions record={result && request ? { kind: 'gum', input: debounced, result } : undefined} filename="uncertainty-gum" />}
          style={{ marginBottom: 16 }}
        >
          <div className="print-only">
            <Typography.Paragraph>
              y = <code>{form.model}</code>
            </Typography.Paragraph>
          </div>
          {gum.isError && <CalculationProblems error={gum.error} />}
          <GumOutputs result={result} />
        </Card>
        {outputs.map(([name, out]) => (
          <Card key={name} title={t('metrology.gum.budget', { name })} style={{ marginBottom: 16 }}>
            <Flex vertical>
              <ChartOrTable testId="budget" chart={<BudgetChart budget={out.budget} />} table={<BudgetTable budget={out.budget} />} />
            </Flex>
          </Card>
        ))}
        <MonteCarloPanel request={request} gum={result} />
      </div>
    </PageContainer>
  );
}

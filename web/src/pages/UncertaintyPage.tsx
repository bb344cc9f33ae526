// 不确定度评定: an uncertainty budget editor (GUM law of propagation, live as the user types), the
// budget with a contribution chart, and a Monte Carlo check (JCGM 101) on demand.
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, ExperimentOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useMetrology,
  useMonteCarlo,
  type BudgetEntry,
  type Distribution,
  type GumRequest,
  type GumResult,
  type McmRequest,
  type McmResult,
} from '../api/metrology.ts';
import { EChart } from '../components/EChart.tsx';
import { PageContainer } from '../components/PageContainer.tsx';
import { CalculationProblems } from '../components/metrology/CalculationProblems.tsx';
import { ChartOrTable } from '../components/ChartOrTable.tsx';
import { McmHistogram } from '../components/metrology/McmHistogram.tsx';
import { ResultActions } from '../components/metrology/ResultActions.tsx';
import { dof, estimate, percent, sig } from '../lib/metrologyFormat.ts';
import { useDebounced } from '../lib/useDebounced.ts';
import {
  duplicateNames,
  emptyRow,
  formFromRequest,
  newKey,
  requestFromForm,
  type CorrelationRow,
  type GumForm,
  type InputRow,
  type UncertaintyMode,
} from '../metrology/gumForm.ts';
import { GUM_H1, GUM_RESISTANCE } from '../metrology/presets.ts';

const P_OPTIONS = [0.6827, 0.9, 0.95, 0.9545, 0.99, 0.9973];
const DISTRIBUTIONS: Distribution[] = ['rectangular', 'triangular', 'arcsine'];

function InputsTable({ form, onChange }: { form: GumForm; onChange: (rows: InputRow[]) => void }) {
  const { t } = useTranslation();
  const duplicates = duplicateNames(form.rows);
  const update = (key: string, patch: Partial<InputRow>) => onChange(form.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const field = (row: InputRow, name: keyof InputRow, placeholder?: string) => (
    <Input
      size="small"
      value={row[name] as string}
      placeholder={placeholder}
      onChange={(e) => update(row.key, { [name]: e.target.value })}
      status={row[name] !== '' && name !== 'name' && !Number.isFinite(Number(row[name])) ? 'error' : undefined}
      aria-label={`${row.name} ${t(`metrology.gum.col.${name}`)}`}
      data-testid={`input-${name}-${row.name}`}
      style={{ minWidth: 72 }}
    />
  );
  const columns: TableColumnsType<InputRow> = [
    {
      title: t('metrology.gum.col.name'),
      key: 'name',
      width: 130,
      render: (_, row) => (
        <Input
          size="small"
          value={row.name}
          onChange={(e) => update(row.key, { name: e.target.value })}
          status={duplicates.has(row.name.trim()) || row.name.trim() === '' ? 'error' : undefined}
          aria-label={t('metrology.gum.col.name')}
          data-testid={`input-name-${row.name}`}
        />
      ),
    },
    { title: t('metrology.gum.col.value'), key: 'value', width: 150, render: (_, row) => field(row, 'value') },
    {
      title: t('metrology.gum.col.mode'),
      key: 'mode',
      width: 150,
      render: (_, row) => (
        <Select<UncertaintyMode>
          size="small"
          value={row.mode}
          onChange={(mode) => update(row.key, { mode })}
          style={{ width: '100%' }}
          aria-label={t('metrology.gum.col.mode')}
          data-testid={`input-mode-${row.name}`}
          options={(['u', 'Uk', 'dist'] as const).map((m) => ({ value: m, label: t(`metrology.gum.mode.${m}`) }))}
        />
      ),
    },
    {
      title: t('metrology.gum.col.uncertainty'),
      key: 'uncertainty',
      render: (_, row) =>
        row.mode === 'u' ? (
          field(row, 'u', 'u')
        ) : row.mode === 'Uk' ? (
          <Space.Compact size="small">
            {field(row, 'U', 'U')}
            {field(row, 'k', 'k')}
          </Space.Compact>
        ) : (
          <Space.Compact size="small">
            <Select<Distribution>
              size="small"
              value={row.dist}
              onChange={(dist) => update(row.key, { dist })}
              style={{ width: 150 }}
              aria-label={t('metrology.gum.col.dist')}
              data-testid={`input-dist-${row.name}`}
              options={DISTRIBUTIONS.map((d) => ({ value: d, label: t(`metrology.gum.dist.${d}`) }))}
            />
            {field(row, 'halfWidth', t('metrology.gum.col.halfWidth'))}
          </Space.Compact>
        ),
    },
    { title: t('metrology.gum.col.dof'), key: 'dof', width: 100, render: (_, row) => field(row, 'dof', '∞') },
    {
      title: '',
      key: 'remove',
      width: 48,
      render: (_, row) => (
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('common.remove')}
          disabled={form.rows.length <= 1}
          onClick={() => onChange(form.rows.filter((r) => r.key !== row.key))}
          data-testid={`input-remove-${row.name}`}
        />
      ),
    },
  ];
  return (
    <>
      <Table<InputRow> size="small" rowKey="key" columns={columns} dataSource={form.rows as InputRow[]} pagination={false} data-testid="gum-inputs" scroll={{ x: 760 }} />
      {duplicates.size > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('metrology.gum.duplicateNames', { names: [...duplicates].join(', ') })} />
      )}
      <Button
        icon={<PlusOutlined />}
        type="dashed"
        size="small"
        style={{ marginTop: 8 }}
        onClick={() => onChange([...form.rows, emptyRow(`x${form.rows.length + 1}`)])}
        data-testid="input-add"
      >
        {t('metrology.gum.addInput')}
      </Button>
    </>
  );
}

function CorrelationsEditor({ form, onChange }: { form: GumForm; onChange: (rows: CorrelationRow[]) => void }) {
  const { t } = useTranslation();
  const names = form.rows.map((r) => r.name.trim()).filter(Boolean);
  const update = (key: string, patch: Partial<CorrelationRow>) => onChange(form.correlations.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  return (
    <div data-testid="gum-correlations">
      {form.correlations.map((c) => (
        <Space key={c.key} style={{ marginBottom: 8 }} wrap>
          <Select size="small" value={c.a || undefined} onChange={(a) => update(c.key, { a })} options={names.map((n) => ({ value: n, label: n }))} style={{ width: 120 }} aria-label={t('metrology.gum.corrA')} />
          <Select size="small" value={c.b || undefined} onChange={(b) => update(c.key, { b })} options={names.map((n) => ({ value: n, label: n }))} style={{ width: 120 }} aria-label={t('metrology.gum.corrB')} />
          <Input size="small" value={c.r} onChange={(e) => update(c.key, { r: e.target.value })} style={{ width: 90 }} placeholder="r" aria-label={t('metrology.gum.corrR')} />
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => onChange(form.correlations.filter((x) => x.key !== c.key))} />
        </Space>
      ))}
      <div>
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          disabled={names.length < 2}
          onClick={() => onChange([...form.correlations, { key: newKey(), a: names[0] ?? '', b: names[1] ?? '', r: '0' }])}
          data-testid="correlation-add"
        >
          {t('metrology.gum.addCorrelation')}
        </Button>
      </div>
    </div>
  );
}

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
  const request = useMemo<GumRequest | undefined>(() => (duplicateNames(form.rows).size ? undefined : requestFromForm(form)), [form]);
  const debounced = useDebounced(request, 350);
  const gum = useMetrology<GumResult>('gum', debounced);
  const result = gum.isError ? undefined : gum.data;
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
        </Space>
      }
    >
      <Card title={t('metrology.gum.modelAndInputs')} style={{ marginBottom: 16 }} className="no-print">
        <Row gutter={[16, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} xl={14}>
            <label>
              <Typography.Text strong>{t('metrology.gum.model')}</Typography.Text>
              <Input
                addonBefore="y ="
                value={form.model}
                onChange={(e) => setForm({ ...form, model: e.target.value })}
                style={{ fontFamily: 'monospace', marginTop: 4 }}
                data-testid="gum-model"
              />
            </label>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('metrology.gum.modelHint')}
            </Typography.Text>
          </Col>
          <Col xs={12} xl={4}>
            <Typography.Text strong>{t('metrology.gum.p')}</Typography.Text>
            <Select<number>
              value={form.p}
              onChange={(p) => setForm({ ...form, p })}
              options={P_OPTIONS.map((p) => ({ value: p, label: String(p) }))}
              style={{ width: '100%', marginTop: 4 }}
              data-testid="gum-p"
              aria-label={t('metrology.gum.p')}
            />
          </Col>
          <Col xs={12} xl={6}>
            <Typography.Text strong>{t('metrology.gum.dofPolicy')}</Typography.Text>
            <div style={{ marginTop: 4 }}>
              <Radio.Group
                value={form.dofPolicy}
                onChange={(e) => setForm({ ...form, dofPolicy: e.target.value as GumForm['dofPolicy'] })}
                optionType="button"
                size="small"
                data-testid="gum-dof-policy"
                options={[
                  { value: 'truncate', label: t('metrology.gum.truncate') },
                  { value: 'continuous', label: t('metrology.gum.continuous') },
                ]}
              />
            </div>
          </Col>
        </Row>
        <InputsTable form={form} onChange={(rows) => setForm({ ...form, rows })} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('metrology.gum.correlations')}
        </Typography.Title>
        <CorrelationsEditor form={form} onChange={(correlations) => setForm({ ...form, correlations })} />
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
          {outputs.map(([name, out]) => (
            <Descriptions key={name} size="small" bordered column={{ xs: 1, md: 3, xl: 6 }} data-testid={`gum-output-${name}`}>
              <Descriptions.Item label={name}>
                <span data-testid="gum-y">{estimate(out.value, out.u)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={`u(${name})`}>
                <span data-testid="gum-u">{sig(out.u)}</span>
              </Descriptions.Item>
              <Descriptions.Item label="ν_eff">
                <span data-testid="gum-dof">{dof(out.dof)}</span>
              </Descriptions.Item>
              <Descriptions.Item label="k">
                <span data-testid="gum-k">{out.k.toFixed(2)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={`U (p = ${out.p})`}>
                <span data-testid="gum-U">{sig(out.U)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('metrology.gum.statement')}>
                <span data-testid="gum-statement">
                  {estimate(out.value, out.u)} ± {estimate(out.U, out.u)}
                </span>
              </Descriptions.Item>
            </Descriptions>
          ))}
          {result?.notes?.length ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
              {t('metrology.notes')}: {result.notes.join(' ')}
            </Typography.Paragraph>
          ) : null}
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

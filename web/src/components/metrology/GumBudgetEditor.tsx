// The uncertainty-budget editor (GUM input of DESIGN.md §8: model, coverage probability, dof
// policy, inputs and correlations) and its live GUM result, shared by the 不确定度评定 page and the
// verification form (a calibration record's budget).
import { Alert, Button, Col, Descriptions, Input, Radio, Row, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMetrology, type Distribution, type GumRequest, type GumResult } from '../../api/metrology.ts';
import { dof, estimate, sig } from '../../lib/metrologyFormat.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import {
  duplicateNames,
  emptyRow,
  newKey,
  requestFromForm,
  type CorrelationRow,
  type GumForm,
  type InputRow,
  type UncertaintyMode,
} from '../../metrology/gumForm.ts';

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

interface EditorProps {
  readonly form: GumForm;
  readonly onChange: (form: GumForm) => void;
  /** Stacks the model, p and dof policy for a narrow container (a drawer) instead of one row on wide screens. */
  readonly narrow?: boolean;
}

/** Model, coverage probability, dof policy, inputs and correlations of a GUM budget. */
export function GumBudgetEditor({ form, onChange, narrow = false }: EditorProps) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={[16, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} xl={narrow ? 24 : 14}>
          <label>
            <Typography.Text strong>{t('metrology.gum.model')}</Typography.Text>
            <Input
              addonBefore="y ="
              value={form.model}
              onChange={(e) => onChange({ ...form, model: e.target.value })}
              style={{ fontFamily: 'monospace', marginTop: 4 }}
              data-testid="gum-model"
            />
          </label>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('metrology.gum.modelHint')}
          </Typography.Text>
        </Col>
        <Col xs={12} xl={narrow ? 8 : 4}>
          <Typography.Text strong>{t('metrology.gum.p')}</Typography.Text>
          <Select<number>
            value={form.p}
            onChange={(p) => onChange({ ...form, p })}
            options={P_OPTIONS.map((p) => ({ value: p, label: String(p) }))}
            style={{ width: '100%', marginTop: 4 }}
            data-testid="gum-p"
            aria-label={t('metrology.gum.p')}
          />
        </Col>
        <Col xs={12} xl={narrow ? 16 : 6}>
          <Typography.Text strong>{t('metrology.gum.dofPolicy')}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Radio.Group
              value={form.dofPolicy}
              onChange={(e) => onChange({ ...form, dofPolicy: e.target.value as GumForm['dofPolicy'] })}
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
      <InputsTable form={form} onChange={(rows) => onChange({ ...form, rows })} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('metrology.gum.correlations')}
      </Typography.Title>
      <CorrelationsEditor form={form} onChange={(correlations) => onChange({ ...form, correlations })} />
    </>
  );
}

/**
 * The live GUM evaluation of a budget form: the request (undefined while names repeat or no form is
 * given), the debounced request that was sent, and the server's result.
 */
export function useGumEvaluation(form: GumForm | null | undefined) {
  const request = useMemo<GumRequest | undefined>(() => (!form || duplicateNames(form.rows).size ? undefined : requestFromForm(form)), [form]);
  const debounced = useDebounced(request, 350);
  const query = useMetrology<GumResult>('gum', debounced);
  // A result of an earlier request stays shown (placeholder) while the next one is computed.
  const result = !form || query.isError ? undefined : query.data;
  return { request, debounced, query, result };
}

/** Each output's estimate, u, ν_eff, k, U and the result statement, then the engine's notes. */
export function GumOutputs({ result }: { result: GumResult | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {Object.entries(result?.outputs ?? {}).map(([name, out]) => (
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
    </>
  );
}

// Drawer form to record a verification (检定记录): institution, people, environment, standards
// used, items with their errors against the MPE (optionally with the standard uncertainty u of the
// error, judged by a JCGM 106 / ILAC G8 decision rule), the conclusion, and optionally an
// uncertainty budget (the 不确定度评定 page's editor, evaluated live; stored with the record and
// printed on its certificate).
import { Alert, App, Button, Card, Checkbox, Col, Collapse, DatePicker, Divider, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useRecordVerification } from '../api/instruments.ts';
import { useOrganizations } from '../api/organizations.ts';
import type { Conclusion, DecisionRuleName, NewVerification } from '../api/types.ts';
import { compact } from '../lib/clean.ts';
import { isFuture, toApiDate, today } from '../lib/dates.ts';
import { DECISION_RULES, DEFAULT_GUARD_K, DEFAULT_TARGET_PFA, formatPercent, judgeItem, type RuleSettings } from '../lib/itemDecision.ts';
import { sig } from '../lib/metrologyFormat.ts';
import { duplicateNames, emptyRow, requestFromForm, type GumForm } from '../metrology/gumForm.ts';
import { CalculationProblems, underPointer } from './metrology/CalculationProblems.tsx';
import { GumBudgetEditor, GumOutputs, useGumEvaluation } from './metrology/GumBudgetEditor.tsx';
import { OpenSavedBudget } from './metrology/OpenSavedBudget.tsx';
import { OrganizationSelect } from './OrganizationSelect.tsx';
import { useServerErrors } from './problem.tsx';

/** Where the server puts the budget's problems; the budget section shows them itself. */
const BUDGET_POINTER = '/uncertaintyBudget';
const SHOWN_BY_BUDGET = [BUDGET_POINTER] as const;

/** A new budget: one input, y = x1. */
function blankBudget(): GumForm {
  return { model: 'x1', rows: [emptyRow('x1')], correlations: [], p: 0.95, dofPolicy: 'truncate' };
}

interface BudgetSectionProps {
  readonly budget: GumForm | null;
  readonly onChange: (budget: GumForm | null) => void;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** The failed submission whose problems under /uncertaintyBudget are shown here. */
  readonly serverError: unknown;
}

/** 不确定度评定 (optional, collapsed): the budget editor with its live GUM result. */
function BudgetSection({ budget, onChange, open, onOpenChange, serverError }: BudgetSectionProps) {
  const { t } = useTranslation();
  const { query, result } = useGumEvaluation(budget);
  const first = result ? Object.values(result.outputs)[0] : undefined;
  const body = budget ? (
    <>
      <CalculationProblems error={serverError} pointerPrefix={BUDGET_POINTER} testId="budget-server-problems" />
      <GumBudgetEditor form={budget} onChange={onChange} narrow />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        <Space>
          {t('verification.budgetResult')}
          {query.isFetching && <Spin size="small" />}
        </Space>
      </Typography.Title>
      <div data-testid="budget-result">
        {query.isError && <CalculationProblems error={query.error} />}
        <GumOutputs result={result} />
      </div>
      <Button danger type="link" style={{ marginTop: 8, paddingInline: 0 }} icon={<DeleteOutlined />} onClick={() => onChange(null)} data-testid="budget-remove">
        {t('verification.budgetRemove')}
      </Button>
    </>
  ) : (
    <>
      <Typography.Paragraph type="secondary">{t('verification.budgetHint')}</Typography.Paragraph>
      <Flex vertical gap={8}>
        <Button type="dashed" block icon={<PlusOutlined />} onClick={() => onChange(blankBudget())} data-testid="budget-add">
          {t('verification.budgetAdd')}
        </Button>
        <OpenSavedBudget onOpen={onChange} testId="budget-open-saved" />
      </Flex>
    </>
  );
  return (
    <Collapse
      style={{ marginTop: 16 }}
      activeKey={open ? ['budget'] : []}
      onChange={(keys) => onOpenChange(keys.includes('budget'))}
      data-testid="verification-budget"
      items={[
        {
          key: 'budget',
          label: <span data-testid="budget-toggle">{t('verification.budgetSection')}</span>,
          extra: budget ? (
            <Tag color="blue" data-testid="budget-attached">
              {first ? t('verification.budgetAttachedU', { U: sig(first.U), p: first.p }) : t('verification.budgetAttached')}
            </Tag>
          ) : undefined,
          children: body,
        },
      ]}
    />
  );
}

interface StandardValues {
  name?: string;
  certificateNo?: string;
  measuringRange?: string;
  uncertainty?: string;
  validUntil?: Dayjs;
}

interface ItemValues {
  name?: string;
  nominal?: number | null;
  error?: number | null;
  mpe?: number | null;
  unit?: string;
  u?: number | null;
}

interface RuleValues {
  rule?: DecisionRuleName | null;
  k?: number | null;
  /** Entered as a percentage; sent as a fraction. */
  targetPFAPct?: number | null;
}

interface FormValues {
  institutionId: number;
  verifiedOn: Dayjs;
  verifier: string;
  checker: string;
  approver: string;
  regulation?: string;
  place: string;
  environment?: { temperatureC?: number | null; humidityPct?: number | null; other?: string };
  standards: StandardValues[];
  items: ItemValues[];
  adjusted: boolean;
  conclusion: Conclusion;
  decisionRule?: RuleValues;
}

function ruleSettings(values: RuleValues | undefined): RuleSettings {
  const pct = values?.targetPFAPct;
  return { rule: values?.rule, k: values?.k, targetPFA: typeof pct === 'number' ? pct / 100 : null };
}

/** The item's decision as the server will make it, or null while error or MPE is missing. */
function itemDecision(item: ItemValues | undefined, rule: RuleValues | undefined) {
  if (!item || typeof item.error !== 'number' || typeof item.mpe !== 'number') return null;
  return judgeItem(item.error, item.mpe, item.u, ruleSettings(rule));
}

function itemPasses(item: ItemValues | undefined, rule: RuleValues | undefined): boolean | null {
  return itemDecision(item, rule)?.accept ?? null;
}

function toDecisionRule(values: RuleValues | undefined): NewVerification['decisionRule'] {
  if (!values?.rule) return undefined;
  const { rule, k, targetPFAPct } = values;
  return {
    rule,
    ...(rule === 'guarded' && typeof k === 'number' ? { k } : {}),
    ...(rule === 'risk' && typeof targetPFAPct === 'number' ? { targetPFA: targetPFAPct / 100 } : {}),
  };
}

function toBody(values: FormValues): NewVerification {
  const env = values.environment ?? {};
  const decisionRule = toDecisionRule(values.decisionRule);
  return {
    institutionId: values.institutionId,
    verifiedOn: toApiDate(values.verifiedOn) ?? '',
    verifier: values.verifier.trim(),
    checker: values.checker.trim(),
    approver: values.approver.trim(),
    ...(values.regulation?.trim() ? { regulation: values.regulation.trim() } : {}),
    place: values.place.trim(),
    environment: compact({ temperatureC: env.temperatureC, humidityPct: env.humidityPct, other: env.other }) as NewVerification['environment'],
    standards: values.standards.map((s) =>
      compact({ ...s, validUntil: toApiDate(s.validUntil) }),
    ) as NewVerification['standards'],
    items: values.items.map((i) =>
      compact({ name: i.name, nominal: i.nominal, error: i.error, mpe: i.mpe, unit: i.unit, u: i.u }),
    ) as NewVerification['items'],
    adjusted: values.adjusted,
    conclusion: values.conclusion,
    ...(decisionRule ? { decisionRule } : {}),
  };
}

interface Props {
  readonly instrumentId: number;
  readonly regulation?: string | undefined;
  readonly open: boolean;
  readonly onClose: () => void;
}

export function VerificationDrawer({ instrumentId, regulation, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const serverErrors = useServerErrors(form, SHOWN_BY_BUDGET);
  const [budget, setBudget] = useState<GumForm | null>(null);
  const [budgetOpen, setBudgetOpen] = useState(false);
  const [budgetError, setBudgetError] = useState<unknown>(null);
  const budgetRef = useRef<HTMLDivElement>(null);
  const record = useRecordVerification(instrumentId);
  const institutes = useOrganizations({ role: 'verification_institute', page: 1, pageSize: 1 }, open);
  const items = Form.useWatch('items', form) as ItemValues[] | undefined;
  const rule = Form.useWatch('decisionRule', form) as RuleValues | undefined;
  const anyFails = (items ?? []).some((item) => itemPasses(item, rule) === false);

  const changeBudget = (next: GumForm | null) => {
    setBudget(next);
    setBudgetError(null);
  };

  const submit = async (values: FormValues) => {
    serverErrors.reset();
    setBudgetError(null);
    if (budget && duplicateNames(budget.rows).size) {
      setBudgetOpen(true);
      void message.error(t('verification.budgetFixNames'));
      return;
    }
    try {
      const body = toBody(values);
      const created = await record.mutateAsync(budget ? { ...body, uncertaintyBudget: requestFromForm(budget) } : body);
      void message.success(t('verification.success', { documentNo: created.documentNo }));
      form.resetFields();
      setBudget(null);
      setBudgetOpen(false);
      onClose();
    } catch (error) {
      serverErrors.handle(error);
      if (error instanceof ApiError && (error.problem.errors ?? []).some((p) => underPointer(p.pointer, BUDGET_POINTER))) {
        setBudgetError(error);
        setBudgetOpen(true);
        budgetRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      }
    }
  };

  const required = [{ required: true }];
  const third = { xs: 24, sm: 8 } as const;

  return (
    <Drawer
      title={t('verification.title')}
      open={open}
      onClose={onClose}
      size={860}
      destroyOnHidden
      data-testid="verification-drawer"
      extra={
        <Space>
          <Button onClick={onClose} data-testid="drawer-cancel">{t('common.cancel')}</Button>
          <Button type="primary" loading={record.isPending} onClick={() => form.submit()} data-testid="verification-submit">
            {t('common.submit')}
          </Button>
        </Space>
      }
    >
      {institutes.data && institutes.data.total === 0 && (
        <Alert type="warning" showIcon title={t('verification.noInstitution')} style={{ marginBottom: 16 }} />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        scrollToFirstError
        onFinish={submit}
        initialValues={{
          verifiedOn: today(),
          regulation,
          standards: [{}],
          items: [{}],
          adjusted: false,
          conclusion: 'pass',
        }}
        onValuesChange={(changed: Partial<FormValues>, all) => {
          if (changed.items || changed.decisionRule) {
            const verdicts = (all.items ?? []).map((item) => itemPasses(item, all.decisionRule));
            if (verdicts.some((v) => v === false)) form.setFieldValue('conclusion', 'fail');
            else if (verdicts.length && verdicts.every((v) => v === true)) form.setFieldValue('conclusion', 'pass');
          }
        }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={16}>
            <Form.Item name="institutionId" label={t('verification.institution')} rules={required}>
              <OrganizationSelect role="verification_institute" placeholder={t('verification.institutionPlaceholder')} data-testid="field-institutionId" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="verifiedOn" label={t('verification.verifiedOn')} rules={required}>
              <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid="field-verifiedOn" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="verifier" label={t('verification.verifier')} rules={[{ required: true, whitespace: true }]}>
              <Input data-testid="field-verifier" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="checker" label={t('verification.checker')} rules={[{ required: true, whitespace: true }]}>
              <Input data-testid="field-checker" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="approver" label={t('verification.approver')} rules={[{ required: true, whitespace: true }]}>
              <Input data-testid="field-approver" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="regulation" label={t('verification.regulation')}>
              <Input data-testid="field-regulation" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="place" label={t('verification.place')} rules={[{ required: true, whitespace: true }]}>
              <Input data-testid="field-place" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name={['environment', 'temperatureC']} label={t('verification.temperature')}>
              <InputNumber style={{ width: '100%' }} min={-60} max={100} step={0.1} data-testid="field-temperatureC" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name={['environment', 'humidityPct']} label={t('verification.humidity')}>
              <InputNumber style={{ width: '100%' }} min={0} max={100} step={1} data-testid="field-humidityPct" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name={['environment', 'other']} label={t('verification.envOther')}>
              <Input data-testid="field-envOther" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('verification.standards')}</Divider>
        <Form.List name="standards" rules={[{ validator: async (_, v: unknown[]) => (v?.length ? undefined : Promise.reject(new Error(t('verification.atLeastOne')))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Card key={field.key} size="small" style={{ marginBottom: 8 }} data-testid={`standard-${field.name}`}>
                  <Row gutter={8} align="bottom">
                    <Col xs={24} sm={8}>
                      <Form.Item name={[field.name, 'name']} label={t('verification.standardName')} rules={[{ required: true, whitespace: true }]}>
                        <Input data-testid={`standard-${field.name}-name`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={8}>
                      <Form.Item name={[field.name, 'certificateNo']} label={t('verification.certificateNo')}>
                        <Input data-testid={`standard-${field.name}-certificateNo`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={8}>
                      <Form.Item name={[field.name, 'validUntil']} label={t('verification.standardValidUntil')}>
                        <DatePicker style={{ width: '100%' }} data-testid={`standard-${field.name}-validUntil`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={8}>
                      <Form.Item name={[field.name, 'measuringRange']} label={t('verification.measuringRange')}>
                        <Input data-testid={`standard-${field.name}-measuringRange`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12}>
                      <Form.Item name={[field.name, 'uncertainty']} label={t('verification.uncertainty')}>
                        <Input data-testid={`standard-${field.name}-uncertainty`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={4}>
                      <Form.Item>
                        <Button danger icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-standard">
                {t('verification.addStandard')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('verification.items')}</Divider>
        <Row gutter={8}>
          <Col xs={24} sm={10}>
            <Form.Item name={['decisionRule', 'rule']} label={t('verification.decisionRule')} tooltip={t('verification.decisionRuleHelp')}>
              <Select<DecisionRuleName>
                allowClear
                placeholder={t('verification.decisionRuleDefault')}
                options={DECISION_RULES.map((r) => ({ value: r, label: t(`decisionRule.${r}`) }))}
                data-testid="field-decisionRule"
              />
            </Form.Item>
          </Col>
          {rule?.rule === 'guarded' && (
            <Col xs={12} sm={6}>
              <Form.Item name={['decisionRule', 'k']} label={t('verification.guardK')} tooltip={t('verification.guardKHelp')}>
                <InputNumber style={{ width: '100%' }} min={0} max={10} step={0.5} placeholder={String(DEFAULT_GUARD_K)} data-testid="field-guardK" />
              </Form.Item>
            </Col>
          )}
          {rule?.rule === 'risk' && (
            <Col xs={12} sm={8}>
              <Form.Item
                name={['decisionRule', 'targetPFAPct']}
                label={t('verification.targetPFA')}
                tooltip={t('verification.targetPFAHelp')}
                rules={[{ validator: async (_, v?: number | null) => (v == null || (v > 0 && v <= 50) ? undefined : Promise.reject(new Error(t('verification.targetPFARange')))) }]}
              >
                <InputNumber style={{ width: '100%' }} min={0} max={50} step={0.5} suffix="%" placeholder={String(DEFAULT_TARGET_PFA * 100)} data-testid="field-targetPFA" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.List name="items" rules={[{ validator: async (_, v: unknown[]) => (v?.length ? undefined : Promise.reject(new Error(t('verification.atLeastOne')))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => {
                const decision = itemDecision(items?.[field.name], rule);
                const verdict = decision?.accept ?? null;
                return (
                  <Row key={field.key} gutter={8} align="top" data-testid={`item-${field.name}`}>
                    <Col xs={24} sm={3}>
                      <Form.Item name={[field.name, 'name']} label={t('verification.itemName')} rules={[{ required: true, whitespace: true }]}>
                        <Input data-testid={`item-${field.name}-name`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={2}>
                      <Form.Item name={[field.name, 'nominal']} label={t('verification.nominal')}>
                        <InputNumber style={{ width: '100%' }} data-testid={`item-${field.name}-nominal`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={3}>
                      <Form.Item name={[field.name, 'error']} label={t('verification.error')} rules={required}>
                        <InputNumber style={{ width: '100%' }} data-testid={`item-${field.name}-error`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={5}>
                      <Form.Item name={[field.name, 'mpe']} label={t('verification.mpe')} rules={required}>
                        <InputNumber style={{ width: '100%' }} min={0} data-testid={`item-${field.name}-mpe`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={4}>
                      <Form.Item
                        name={[field.name, 'u']}
                        label={t('verification.itemU')}
                        tooltip={t('verification.itemUHelp')}
                        rules={[{ validator: async (_, v?: number | null) => (v == null || v > 0 ? undefined : Promise.reject(new Error(t('verification.itemUPositive')))) }]}
                      >
                        <InputNumber style={{ width: '100%' }} min={0} data-testid={`item-${field.name}-u`} />
                      </Form.Item>
                    </Col>
                    <Col xs={6} sm={2}>
                      <Form.Item name={[field.name, 'unit']} label={t('verification.unit')}>
                        <Input data-testid={`item-${field.name}-unit`} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} sm={3}>
                      <Form.Item label={t('verification.itemResult')}>
                        {verdict === null ? (
                          <Typography.Text type="secondary">—</Typography.Text>
                        ) : (
                          <Space size={2} wrap>
                            <Tag color={verdict ? 'green' : 'red'} data-testid={`item-${field.name}-result`}>
                              {t(verdict ? 'conclusion.pass' : 'conclusion.fail')}
                            </Tag>
                            {decision?.specificRisk !== undefined && (
                              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`item-${field.name}-risk`}>
                                {t('verification.riskShort', { risk: formatPercent(decision.specificRisk) })}
                              </Typography.Text>
                            )}
                          </Space>
                        )}
                      </Form.Item>
                    </Col>
                    <Col xs={2} sm={2}>
                      <Form.Item label=" ">
                        <Button danger icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
                      </Form.Item>
                    </Col>
                  </Row>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-item">
                {t('verification.addItem')}
              </Button>
            </>
          )}
        </Form.List>

        <div ref={budgetRef}>
          <BudgetSection budget={budget} onChange={changeBudget} open={budgetOpen} onOpenChange={setBudgetOpen} serverError={budgetError} />
        </div>

        <Divider />
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="adjusted" valuePropName="checked">
              <Checkbox data-testid="field-adjusted">{t('verification.adjusted')}</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="conclusion"
              label={t('verification.conclusion')}
              rules={[
                { required: true },
                {
                  validator: async (_, value: Conclusion) =>
                    value === 'pass' && anyFails ? Promise.reject(new Error(t('verification.mismatch'))) : undefined,
                },
              ]}
            >
              <Radio.Group
                data-testid="field-conclusion"
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: 'pass', label: <span data-testid="conclusion-pass">{t('conclusion.pass')}</span> },
                  { value: 'fail', label: <span data-testid="conclusion-fail">{t('conclusion.fail')}</span> },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

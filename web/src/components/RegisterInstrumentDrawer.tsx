// Drawer form to register (备案) a measuring instrument. Server field errors land on the fields.
import { App, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useRegisterInstrument } from '../api/instruments.ts';
import { useCategories, useUseDomains } from '../api/reference.ts';
import type { NewInstrument } from '../api/types.ts';
import { compact } from '../lib/clean.ts';
import { isFuture, toApiDate } from '../lib/dates.ts';
import { useLang } from '../lib/useLang.ts';
import { OrganizationSelect } from './OrganizationSelect.tsx';
import { useServerErrors } from './problem.tsx';
import { CategorySelect, DistrictSelect } from './ReferenceSelects.tsx';

interface FormValues {
  categoryCode: string;
  useDomain: string;
  manufacturer: string;
  model: string;
  serialNo: string;
  districtCode: string;
  ownerId: number;
  patternApprovalNo?: string;
  accuracyClass?: string;
  measuringRange?: string;
  site?: string;
  manufacturedOn?: Dayjs;
  registeredOn?: Dayjs;
  installedOn?: Dayjs;
  serviceLifeMonths?: number;
}

interface Props {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly defaults?: Partial<Pick<FormValues, 'ownerId' | 'districtCode'>>;
}

export function RegisterInstrumentDrawer({ open, onClose, defaults }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const serverErrors = useServerErrors(form);
  const register = useRegisterInstrument();
  const categories = useCategories().data ?? [];
  const domains = useUseDomains().data ?? [];
  const categoryCode = Form.useWatch('categoryCode', form);
  const allowedDomains = categories.find((c) => c.code === categoryCode)?.useDomains;
  const domainOptions = domains
    .filter((d) => !allowedDomains || allowedDomains.includes(d.code))
    .map((d) => ({ value: d.code, label: lang === 'en' ? d.nameEn : d.nameZh }));

  const submit = async (values: FormValues) => {
    serverErrors.reset();
    const body = {
      ...compact({
        categoryCode: values.categoryCode,
        useDomain: values.useDomain,
        manufacturer: values.manufacturer,
        model: values.model,
        serialNo: values.serialNo,
        districtCode: values.districtCode,
        ownerId: values.ownerId,
        patternApprovalNo: values.patternApprovalNo,
        accuracyClass: values.accuracyClass,
        measuringRange: values.measuringRange,
        site: values.site,
        manufacturedOn: toApiDate(values.manufacturedOn),
        registeredOn: toApiDate(values.registeredOn),
        installedOn: toApiDate(values.installedOn),
        serviceLifeMonths: values.serviceLifeMonths,
      }),
    } as NewInstrument;
    try {
      const created = await register.mutateAsync(body);
      void message.success(t('registerInstrument.success', { serialNo: created.serialNo }));
      form.resetFields();
      onClose();
      void navigate(`/instruments/${created.id}`);
    } catch (error) {
      serverErrors.handle(error);
    }
  };

  const required = [{ required: true }];
  const half = { xs: 24, sm: 12 } as const;

  return (
    <Drawer
      title={t('registerInstrument.title')}
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      data-testid="register-instrument-drawer"
      extra={
        <Space>
          <Button onClick={onClose} data-testid="drawer-cancel">{t('common.cancel')}</Button>
          <Button type="primary" loading={register.isPending} onClick={() => form.submit()} data-testid="register-instrument-submit">
            {t('common.submit')}
          </Button>
        </Space>
      }
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        scrollToFirstError
        onFinish={submit}
        initialValues={defaults}
        onValuesChange={(changed: Partial<FormValues>) => {
          if (changed.categoryCode) {
            const allowed = categories.find((c) => c.code === changed.categoryCode)?.useDomains ?? [];
            if (allowed.length === 1) form.setFieldValue('useDomain', allowed[0]);
            else if (!allowed.includes(form.getFieldValue('useDomain'))) form.setFieldValue('useDomain', undefined);
          }
        }}
      >
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="categoryCode" label={t('instrument.category')} rules={required}>
              <CategorySelect data-testid="field-categoryCode" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="useDomain" label={t('instrument.useDomain')} rules={required}>
              <Select options={domainOptions} data-testid="field-useDomain" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="manufacturer" label={t('instrument.manufacturer')} rules={required}>
              <Input data-testid="field-manufacturer" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="model" label={t('instrument.model')} rules={required}>
              <Input data-testid="field-model" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="serialNo" label={t('instrument.serialNo')} rules={required}>
              <Input data-testid="field-serialNo" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="districtCode" label={t('instrument.district')} rules={required}>
              <DistrictSelect data-testid="field-districtCode" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="ownerId" label={t('instrument.owner')} rules={required}>
              <OrganizationSelect data-testid="field-ownerId" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="patternApprovalNo" label={t('instrument.patternApprovalNo')}>
              <Input data-testid="field-patternApprovalNo" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="accuracyClass" label={t('instrument.accuracyClass')}>
              <Input data-testid="field-accuracyClass" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="measuringRange" label={t('instrument.measuringRange')}>
              <Input data-testid="field-measuringRange" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="site" label={t('instrument.site')}>
              <Input data-testid="field-site" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="manufacturedOn" label={t('instrument.manufacturedOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid="field-manufacturedOn" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="registeredOn" label={t('instrument.registeredOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid="field-registeredOn" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="installedOn" label={t('instrument.installedOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={isFuture} data-testid="field-installedOn" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="serviceLifeMonths" label={t('instrument.serviceLifeMonths')}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="field-serviceLifeMonths" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

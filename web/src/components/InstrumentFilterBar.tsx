// Filter bar above the instrument table: selects apply at once, the serial number on Enter or
// "查询".
import { Button, Card, Col, Form, Input, Row, Space } from 'antd';
import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentFilter } from '../api/instruments.ts';
import { CategorySelect, DistrictSelect, DueStateSelect, StatusSelect } from './ReferenceSelects.tsx';
import { OrganizationSelect } from './OrganizationSelect.tsx';

interface Props {
  readonly value: InstrumentFilter;
  readonly onChange: (next: InstrumentFilter) => void;
  readonly hide?: ReadonlyArray<keyof InstrumentFilter>;
}

type FormValues = Omit<InstrumentFilter, 'dueSoonDays'>;

export function InstrumentFilterBar({ value, onChange, hide = [] }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    form.setFieldsValue({
      districtCode: value.districtCode,
      categoryCode: value.categoryCode,
      status: value.status,
      dueState: value.dueState,
      ownerId: value.ownerId,
      q: value.q,
    });
  }, [form, value]);

  const submit = () => {
    const values = form.getFieldsValue();
    onChange({ ...value, ...values, q: values.q?.trim() || undefined });
  };

  const shown = (key: keyof InstrumentFilter) => !hide.includes(key);
  const col = { xs: 24, sm: 12, lg: 8, xxl: 6 } as const;

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="instrument-filter-bar">
      <Form<FormValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '96px' }}
        onFinish={submit}
        onValuesChange={(changed) => {
          if (!('q' in changed)) submit();
        }}
      >
        <Row gutter={[16, 0]}>
          {shown('districtCode') && (
            <Col {...col}>
              <Form.Item name="districtCode" label={t('instrument.district')}>
                <DistrictSelect placeholder={t('common.all')} data-testid="filter-district" />
              </Form.Item>
            </Col>
          )}
          {shown('categoryCode') && (
            <Col {...col}>
              <Form.Item name="categoryCode" label={t('instrument.category')}>
                <CategorySelect placeholder={t('common.all')} data-testid="filter-category" />
              </Form.Item>
            </Col>
          )}
          {shown('status') && (
            <Col {...col}>
              <Form.Item name="status" label={t('instrument.status')}>
                <StatusSelect placeholder={t('common.all')} data-testid="filter-status" />
              </Form.Item>
            </Col>
          )}
          {shown('dueState') && (
            <Col {...col}>
              <Form.Item name="dueState" label={t('instrument.dueState')}>
                <DueStateSelect placeholder={t('common.all')} data-testid="filter-due-state" />
              </Form.Item>
            </Col>
          )}
          {shown('ownerId') && (
            <Col {...col}>
              <Form.Item name="ownerId" label={t('instrumentList.ownerPick')}>
                <OrganizationSelect data-testid="filter-owner" />
              </Form.Item>
            </Col>
          )}
          {shown('q') && (
            <Col {...col}>
              <Form.Item name="q" label={t('instrument.serialNo')}>
                <Input allowClear placeholder={t('instrumentList.searchSerial')} data-testid="filter-serial" onPressEnter={submit} />
              </Form.Item>
            </Col>
          )}
          <Col flex="auto" style={{ textAlign: 'right' }}>
            <Form.Item>
              <Space>
                <Button
                  icon={<UndoOutlined />}
                  onClick={() => {
                    form.resetFields();
                    onChange({ dueSoonDays: value.dueSoonDays });
                  }}
                  data-testid="filter-reset"
                >
                  {t('common.reset')}
                </Button>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="filter-submit">
                  {t('common.search')}
                </Button>
              </Space>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

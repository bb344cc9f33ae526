// Drawer form to register an organization (单位). Server field errors land on the fields.
import { App, Button, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useRegisterOrganization } from '../api/organizations.ts';
import type { NewOrganization } from '../api/types.ts';
import { compact } from '../lib/clean.ts';
import { useServerErrors } from './problem.tsx';
import { DistrictSelect, RoleSelect } from './ReferenceSelects.tsx';

/** The form edits the request body itself. */
type FormValues = NewOrganization;

export function RegisterOrganizationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const serverErrors = useServerErrors(form);
  const register = useRegisterOrganization();

  const submit = async (values: FormValues) => {
    serverErrors.reset();
    const body = {
      ...compact({
        uscc: values.uscc?.toUpperCase(),
        name: values.name,
        districtCode: values.districtCode,
        address: values.address,
        contactName: values.contactName,
        contactPhone: values.contactPhone,
      }),
      roles: values.roles,
    } as NewOrganization;
    try {
      const created = await register.mutateAsync(body);
      void message.success(t('organization.success', { name: created.name }));
      form.resetFields();
      onClose();
      void navigate(`/organizations/${created.id}`);
    } catch (error) {
      serverErrors.handle(error);
    }
  };

  const required = [{ required: true }];

  return (
    <Drawer
      title={t('organization.registerTitle')}
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      data-testid="register-organization-drawer"
      extra={
        <Space>
          <Button onClick={onClose} data-testid="drawer-cancel">{t('common.cancel')}</Button>
          <Button type="primary" loading={register.isPending} onClick={() => form.submit()} data-testid="register-organization-submit">
            {t('common.submit')}
          </Button>
        </Space>
      }
    >
      <Form<FormValues> form={form} layout="vertical" scrollToFirstError onFinish={submit} initialValues={{ roles: ['owner'] }}>
        <Form.Item name="uscc" label={t('organization.uscc')} rules={required}>
          <Input maxLength={18} showCount data-testid="field-uscc" />
        </Form.Item>
        <Form.Item name="name" label={t('organization.name')} rules={required}>
          <Input data-testid="field-name" />
        </Form.Item>
        <Form.Item name="districtCode" label={t('organization.district')} rules={required}>
          <DistrictSelect data-testid="field-districtCode" />
        </Form.Item>
        <Form.Item name="roles" label={t('organization.roles')} rules={required}>
          <RoleSelect mode="multiple" data-testid="field-roles" />
        </Form.Item>
        <Form.Item name="address" label={t('organization.address')}>
          <Input data-testid="field-address" />
        </Form.Item>
        <Form.Item name="contactName" label={t('organization.contactName')}>
          <Input data-testid="field-contactName" />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('organization.contactPhone')}>
          <Input data-testid="field-contactPhone" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

// The grants of a user account as a list of role + scope rows (form field `grants`), at least one.
import { Button, Flex, Form } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { GrantFields } from './GrantFields.tsx';

export function GrantsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List
      name="grants"
      rules={[{ validator: (_, rows?: unknown[]) => (rows?.length ? Promise.resolve() : Promise.reject(new Error(t('admin.grantsRequired')))) }]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="grants-editor">
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="center" data-testid="grant-row">
              <GrantFields name={[field.name]} path={['grants', field.name]} testId={`grant-${field.name}`} />
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label={t('common.remove')}
                onClick={() => remove(field.name)}
                data-testid={`grant-${field.name}-remove`}
              />
            </Flex>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} data-testid="grant-add">
            {t('admin.addGrant')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}

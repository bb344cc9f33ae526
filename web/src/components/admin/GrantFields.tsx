// One grant in a form: role, then a scope kind the role may be held in (ROLE_POLICIES), then the
// district or organization when the kind names one. Choosing a role picks its first scope kind
// when the current one does not fit.
import { Col, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../src/domain/auth/roles.ts';
import { organizationRoleFor, scopeKindsOf } from '../../lib/grants.ts';
import { OrganizationSelect } from '../OrganizationSelect.tsx';
import { DistrictSelect } from '../ReferenceSelects.tsx';

interface Props {
  /** The grant's name relative to its Form.List item (or the form itself). */
  readonly name: readonly (string | number)[];
  /** The grant's absolute name path in the form. */
  readonly path: readonly (string | number)[];
  /** data-testid prefix of the three selects. */
  readonly testId: string;
}

export function GrantFields({ name, path, testId }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const role = Form.useWatch<Role | undefined>([...path, 'role'], form);
  const scopeKind = Form.useWatch<string | undefined>([...path, 'scopeKind'], form);
  const kinds = scopeKindsOf(role);
  const required = [{ required: true }];

  const onRoleChange = (next: Role) => {
    const allowed = scopeKindsOf(next);
    const current = form.getFieldValue([...path, 'scopeKind']);
    if (!allowed.includes(current)) form.setFieldValue([...path, 'scopeKind'], allowed[0]);
    form.setFieldValue([...path, 'organizationId'], undefined);
  };

  return (
    <Row gutter={8} style={{ flex: 1 }}>
      <Col span={8}>
        <Form.Item name={[...name, 'role']} label={t('admin.role')} rules={required}>
          <Select<Role>
            options={ROLES.map((r) => ({ value: r, label: t(`accountRole.${r}`) }))}
            onChange={onRoleChange}
            data-testid={`${testId}-role`}
          />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name={[...name, 'scopeKind']} label={t('admin.scope')} rules={required}>
          <Select
            disabled={!role}
            options={kinds.map((k) => ({ value: k, label: t(`scopeKind.${k}`) }))}
            data-testid={`${testId}-scopeKind`}
          />
        </Form.Item>
      </Col>
      <Col span={10}>
        {scopeKind === 'district' && (
          <Form.Item name={[...name, 'districtCode']} label={t('scopeKind.district')} rules={required}>
            <DistrictSelect data-testid={`${testId}-district`} />
          </Form.Item>
        )}
        {scopeKind === 'organization' && (
          <Form.Item name={[...name, 'organizationId']} label={t('scopeKind.organization')} rules={required}>
            <OrganizationSelect role={organizationRoleFor(role)} data-testid={`${testId}-organization`} />
          </Form.Item>
        )}
      </Col>
    </Row>
  );
}

// A role held in a scope, as "角色 @ 范围" in the current language: 监管人员 @ 渝中区.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GrantText } from '../api/auth.ts';
import { useOrganization } from '../api/organizations.ts';
import { useNames } from '../lib/useLang.ts';
import { parseScope } from '../../../src/domain/auth/actor.ts';

function OrganizationName({ id }: { id: number }) {
  const { data } = useOrganization(id);
  return <>{data?.name ?? `#${id}`}</>;
}

function ScopeLabel({ scope }: { scope: string }) {
  const { t } = useTranslation();
  const names = useNames();
  const parsed = parseScope(scope);
  if (!parsed) return <>{scope}</>;
  switch (parsed.kind) {
    case 'platform':
    case 'city':
      return <>{t(`scopeKind.${parsed.kind}`)}</>;
    case 'district':
      return <>{names.district(parsed.districtCode)}</>;
    case 'organization':
      return <OrganizationName id={parsed.organizationId} />;
  }
}

export function GrantTag({ grant }: { grant: GrantText }) {
  const { t } = useTranslation();
  return (
    <Tag color={grant.role === 'platform_admin' ? 'red' : 'blue'} data-testid="grant-tag" data-grant={`${grant.role}@${grant.scope}`}>
      {t(`accountRole.${grant.role}`)} @ <ScopeLabel scope={grant.scope} />
    </Tag>
  );
}

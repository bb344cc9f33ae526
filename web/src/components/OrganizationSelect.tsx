// Pick an organization by typing part of its name or USCC (server-side search), optionally
// restricted to one role.
import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganization, useOrganizations } from '../api/organizations.ts';
import type { Role } from '../api/types.ts';

interface Props extends Omit<SelectProps<number>, 'options' | 'showSearch'> {
  readonly role?: Role;
}

export function OrganizationSelect({ role, value, ...props }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const list = useOrganizations({ q: search.trim() || undefined, role, page: 1, pageSize: 50 });
  const selected = useOrganization(typeof value === 'number' ? value : undefined);

  const options = useMemo(() => {
    const items = list.data?.items ?? [];
    const merged = selected.data && !items.some((o) => o.id === selected.data.id) ? [selected.data, ...items] : items;
    return merged.map((o) => ({ value: o.id, label: o.name, title: `${o.name} (${o.uscc})` }));
  }, [list.data, selected.data]);

  return (
    <Select<number>
      allowClear
      placeholder={t('organization.pickPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      options={options}
      value={value}
      {...props}
    />
  );
}

// Selects fed by reference data and enumerations; option labels follow the current language.
import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCategories, useDistricts, useUseDomains } from '../api/reference.ts';
import { DUE_STATES, INSTRUMENT_STATUSES, ORGANIZATION_ROLES } from '../api/types.ts';
import { useLang } from '../lib/useLang.ts';

type Props = Omit<SelectProps<string>, 'options'>;

const searchable = {
  showSearch: { optionFilterProp: 'label' },
  allowClear: true,
} as const;

export function DistrictSelect(props: Props) {
  const lang = useLang();
  const { data, isLoading } = useDistricts();
  const options = (data ?? []).map((d) => ({ value: d.code, label: lang === 'en' ? d.nameEn : d.nameZh }));
  return <Select {...searchable} loading={isLoading} options={options} {...props} />;
}

export function CategorySelect({ useDomain, ...props }: Props & { useDomain?: string | undefined }) {
  const lang = useLang();
  const { data, isLoading } = useCategories();
  const options = (data ?? [])
    .filter((c) => !useDomain || c.useDomains.includes(useDomain))
    .map((c) => ({ value: c.code, label: lang === 'en' ? c.nameEn : c.nameZh }));
  return <Select {...searchable} loading={isLoading} options={options} {...props} />;
}

export function UseDomainSelect(props: Props) {
  const lang = useLang();
  const { data, isLoading } = useUseDomains();
  const options = (data ?? []).map((d) => ({ value: d.code, label: lang === 'en' ? d.nameEn : d.nameZh }));
  return <Select {...searchable} loading={isLoading} options={options} {...props} />;
}

export function StatusSelect(props: Props) {
  const { t } = useTranslation();
  const options = INSTRUMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));
  return <Select allowClear options={options} {...props} />;
}

export function DueStateSelect(props: Props) {
  const { t } = useTranslation();
  const options = DUE_STATES.map((s) => ({ value: s, label: t(`dueState.${s}`) }));
  return <Select allowClear options={options} {...props} />;
}

export function RoleSelect(props: SelectProps<string> | SelectProps<string[]>) {
  const { t } = useTranslation();
  const options = ORGANIZATION_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  return <Select allowClear options={options} {...(props as SelectProps<string>)} />;
}

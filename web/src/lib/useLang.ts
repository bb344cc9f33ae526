// The current UI language and helpers to pick the localized name of reference data.
import { useTranslation } from 'react-i18next';
import { useCallback } from 'react';
import { useCategories, useDistricts, useUseDomains } from '../api/reference.ts';
import type { Lang } from '../api/types.ts';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}

interface Named {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

function nameOf(list: readonly Named[] | undefined, code: string | null | undefined, lang: Lang): string {
  if (!code) return '—';
  const found = list?.find((entry) => entry.code === code);
  if (!found) return code;
  return lang === 'en' ? found.nameEn : found.nameZh;
}

/** Functions turning district, category and use-domain codes into names in the current language. */
export function useNames() {
  const lang = useLang();
  const districts = useDistricts().data;
  const categories = useCategories().data;
  const domains = useUseDomains().data;
  return {
    lang,
    district: useCallback((code: string | null | undefined) => nameOf(districts, code, lang), [districts, lang]),
    category: useCallback((code: string | null | undefined) => nameOf(categories, code, lang), [categories, lang]),
    useDomain: useCallback((code: string | null | undefined) => nameOf(domains, code, lang), [domains, lang]),
  };
}

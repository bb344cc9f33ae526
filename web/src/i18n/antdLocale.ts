// antd locales for ConfigProvider. antd's package has no "type": "module", so under NodeNext the
// type checker sees its ES files as CommonJS and the default import as the module object; the
// bundler gives the locale itself. Unwrap either shape.
import type { Locale } from 'antd/es/locale/index.js';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import type { Lang } from '../api/types.ts';

function unwrap(value: unknown): Locale {
  const wrapped = value as { default?: Locale } & Locale;
  return wrapped.default ?? wrapped;
}

const LOCALES: Record<Lang, Locale> = { zh: unwrap(zhCNModule), en: unwrap(enUSModule) };

export function antdLocale(lang: Lang): Locale {
  return LOCALES[lang];
}

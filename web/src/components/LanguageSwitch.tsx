// 中文 / English switch; the choice is remembered in this browser.
import { Segmented, Space } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../api/types.ts';
import { setLang } from '../i18n/index.ts';
import { useLang } from '../lib/useLang.ts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Space>
      <GlobalOutlined aria-hidden />
      <Segmented<Lang>
        size="small"
        aria-label={t('lang.label')}
        value={lang}
        onChange={(value) => setLang(value)}
        options={[
          { value: 'zh', label: <span data-testid="lang-zh">{t('lang.zh')}</span> },
          { value: 'en', label: <span data-testid="lang-en">{t('lang.en')}</span> },
        ]}
        data-testid="lang-switch"
      />
    </Space>
  );
}

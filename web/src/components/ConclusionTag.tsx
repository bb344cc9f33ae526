// Verification conclusion: pass green, fail red, always with the word.
import { Tag } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Conclusion } from '../api/types.ts';

export function ConclusionTag({ conclusion }: { conclusion: Conclusion }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={conclusion === 'pass' ? 'green' : 'red'}
      icon={conclusion === 'pass' ? <CheckOutlined /> : <CloseOutlined />}
      data-testid="conclusion-tag"
      data-conclusion={conclusion}
    >
      {t(`conclusion.${conclusion}`)}
    </Tag>
  );
}

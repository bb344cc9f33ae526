// "提醒窗口（天）": the number of days before the due date that counts as due soon.
import { InputNumber, Space, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function DueWindowInput({ value, onChange }: { value: number; onChange: (days: number) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<number | null>(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (typeof draft === 'number' && Number.isInteger(draft) && draft >= 1 && draft !== value) onChange(draft);
    else setDraft(value);
  };
  return (
    <Space>
      <Typography.Text>{t('due.window')}</Typography.Text>
      <InputNumber
        aria-label={t('due.window')}
        min={1}
        max={366}
        precision={0}
        value={draft}
        onChange={setDraft}
        onBlur={commit}
        onPressEnter={commit}
        onStep={(next) => {
          setDraft(next);
          if (typeof next === 'number') onChange(next);
        }}
        suffix={t('common.days')}
        style={{ width: 120 }}
        data-testid="due-window"
      />
      <Tooltip title={t('due.windowHint')}>
        <QuestionCircleOutlined style={{ color: '#8c8c8c' }} />
      </Tooltip>
    </Space>
  );
}

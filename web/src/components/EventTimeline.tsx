// Operation log (操作记录): the instrument's events, newest first.
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventKind, InstrumentEvent } from '../api/types.ts';
import { formatInstant } from '../lib/format.ts';

const COLORS: Record<EventKind, string> = {
  registered: 'blue',
  installed: 'green',
  suspended: 'orange',
  resumed: 'green',
  repaired: 'blue',
  scrapped: 'gray',
  verified: 'green',
};

/** A short, readable line from the event's detail object. */
function useDetailText() {
  const { t, i18n } = useTranslation();
  return (event: InstrumentEvent): string | null => {
    const detail = event.detail;
    if (detail === null || detail === undefined || detail === '') return null;
    if (typeof detail !== 'object') return String(detail);
    const parts: string[] = [];
    for (const [key, value] of Object.entries(detail as Record<string, unknown>)) {
      if (value === null || value === undefined || value === '' || key.endsWith('Id')) continue;
      if (key === 'conclusion' && (value === 'pass' || value === 'fail')) parts.push(t(`conclusion.${value}`));
      else if (key === 'reason' && typeof value === 'string' && i18n.exists(`suspensionReason.${value}`))
        parts.push(t(`suspensionReason.${value}`));
      else if (key === 'documentNo') parts.push(`${t('verification.documentNo')}: ${String(value)}`);
      else if (key === 'validUntil') parts.push(`${t('verification.validUntil')}: ${String(value)}`);
      else if (key === 'note') parts.push(`${t('action.note')}: ${String(value)}`);
      else if (typeof value !== 'object') parts.push(`${key}: ${String(value)}`);
    }
    return parts.length ? parts.join(' · ') : null;
  };
}

export function EventTimeline({ events }: { events: readonly InstrumentEvent[] }) {
  const { t } = useTranslation();
  const detailText = useDetailText();
  if (events.length === 0) return <Empty description={t('instrumentDetail.noEvents')} />;
  const newestFirst = [...events].reverse();
  return (
    <Timeline
      data-testid="event-timeline"
      items={newestFirst.map((event) => {
        const detail = detailText(event);
        const failed = event.kind === 'verified' && (event.detail as { conclusion?: string } | null)?.conclusion === 'fail';
        return {
          key: event.id,
          color: failed ? 'red' : COLORS[event.kind],
          content: (
            <div data-testid="event-item" data-kind={event.kind}>
              <Typography.Text strong>{t(`event.${event.kind}`)}</Typography.Text>
              <Typography.Text style={{ marginInlineStart: 12 }}>{event.occurredOn}</Typography.Text>
              {detail ? <div>{detail}</div> : null}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('instrumentDetail.recordedAt')}: {formatInstant(event.recordedAt)}
                </Typography.Text>
              </div>
            </div>
          ),
        };
      })}
    />
  );
}

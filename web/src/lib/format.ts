// Display formats: dates stay YYYY-MM-DD; instants show in Asia/Shanghai with the zone; numbers
// get thousands separators.

const instantFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function formatInstant(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${instantFormat.format(date)} (UTC+8)`;
}

export function formatDate(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : '—';
}

export function formatNumber(value: number | null | undefined, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
}

export function orDash(value: string | number | null | undefined): string | number {
  return value === null || value === undefined || value === '' ? '—' : value;
}

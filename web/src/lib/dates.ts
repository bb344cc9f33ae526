// Conversions between antd DatePicker values (dayjs) and API dates (YYYY-MM-DD).
import dayjs, { type Dayjs } from 'dayjs';

export function toApiDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

export function fromApiDate(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value) : undefined;
}

export function today(): Dayjs {
  return dayjs();
}

/** For DatePicker disabledDate: no dates after today. */
export function isFuture(value: Dayjs): boolean {
  return value.isAfter(dayjs(), 'day');
}

// Day arithmetic on integers. The generator moves hundreds of thousands of dates around; doing it on
// epoch-day numbers (and converting to ISO strings once, through a cache) keeps it fast. Validity and
// due dates are still computed by the domain functions, on ISO strings.

const MS_PER_DAY = 86_400_000;
const isoCache = new Map<number, string>();

/** Days since 1970-01-01 of an ISO date. */
export function toDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

export function toIso(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The working day on or before `day` (not before `floor`): institutes do not verify at weekends. */
export function workdayOnOrBefore(day: number, floor: number): number {
  const wd = weekday(day);
  const back = wd === 0 ? 2 : wd === 6 ? 1 : 0;
  return day - back >= floor ? day - back : day;
}

/**
 * An instant during Beijing office hours (08:30–17:30, i.e. 00:30–09:30 UTC) on the given day, as
 * stored in created_at / recorded_at columns.
 */
export function officeInstant(day: number, minuteOfShift: number): string {
  const minutes = 30 + (minuteOfShift % 540);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  const ss = String((minuteOfShift * 7) % 60).padStart(2, '0');
  return `${toIso(day)}T${hh}:${mm}:${ss}.000Z`;
}

// Instrument filters <-> URL search params, so a filtered list can be bookmarked and shared.
import type { InstrumentFilter } from '../api/instruments.ts';
import { DUE_STATES, INSTRUMENT_STATUSES, type DueState, type InstrumentStatus } from '../api/types.ts';

export function filterFromParams(params: URLSearchParams): InstrumentFilter {
  const status = params.get('status');
  const dueState = params.get('dueState');
  const ownerId = Number(params.get('ownerId'));
  const dueSoonDays = Number(params.get('dueSoonDays'));
  return {
    districtCode: params.get('districtCode') || undefined,
    categoryCode: params.get('categoryCode') || undefined,
    status: INSTRUMENT_STATUSES.includes(status as InstrumentStatus) ? (status as InstrumentStatus) : undefined,
    dueState: DUE_STATES.includes(dueState as DueState) ? (dueState as DueState) : undefined,
    ownerId: Number.isInteger(ownerId) && ownerId > 0 ? ownerId : undefined,
    q: params.get('q') || undefined,
    dueSoonDays: Number.isInteger(dueSoonDays) && dueSoonDays > 0 ? dueSoonDays : undefined,
  };
}

export function paramsFromFilter(filter: InstrumentFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params;
}

// An instrument's life is an append-only list of events; its status is a fold over them.
// The stored status column is only a projection of this function, written in the same transaction.
import type { InstrumentStatus } from './types.ts';

export const LIFECYCLE_EVENT_KINDS = [
  'registered', // 备案
  'installed', // 安装/投入使用
  'suspended', // 停用
  'resumed', // 恢复使用
  'repaired', // 修理
  'scrapped', // 报废
  'verified', // 检定 (detail carries the conclusion)
] as const;
export type LifecycleEventKind = (typeof LIFECYCLE_EVENT_KINDS)[number];

/** Events a person may request directly; `registered` and `verified` come from their own use cases. */
export const MANUAL_ACTIONS = ['install', 'suspend', 'resume', 'repair', 'scrap'] as const;
export type ManualAction = (typeof MANUAL_ACTIONS)[number];

export type SuspensionReason = 'verification_failed' | 'owner_request' | 'supervision_order';

export interface LifecycleEvent {
  readonly kind: LifecycleEventKind;
  readonly occurredOn: string;
  readonly conclusion?: 'pass' | 'fail';
  readonly reason?: SuspensionReason;
}

export interface LifecycleState {
  readonly status: InstrumentStatus;
  /** Why the instrument is suspended; null unless status is `suspended`. */
  readonly suspensionReason: SuspensionReason | null;
}

const INITIAL: LifecycleState = { status: 'registered', suspensionReason: null };

/** Applies one event; returns null when the event is not allowed in the given state. */
export function applyEvent(state: LifecycleState, event: LifecycleEvent): LifecycleState | null {
  const { status } = state;
  if (status === 'scrapped') return null;
  switch (event.kind) {
    case 'registered':
      return null; // only ever the first event
    case 'installed':
      return status === 'registered' ? { status: 'in_use', suspensionReason: null } : null;
    case 'suspended':
      return status === 'suspended' ? null : { status: 'suspended', suspensionReason: event.reason ?? 'owner_request' };
    case 'resumed':
      // A failed verification can only be lifted by a passing one.
      return status === 'suspended' && state.suspensionReason !== 'verification_failed'
        ? { status: 'in_use', suspensionReason: null }
        : null;
    case 'repaired':
      return state;
    case 'scrapped':
      return { status: 'scrapped', suspensionReason: null };
    case 'verified':
      if (event.conclusion === 'fail') return { status: 'suspended', suspensionReason: 'verification_failed' };
      if (status === 'suspended' && state.suspensionReason !== 'verification_failed') return state;
      return { status: 'in_use', suspensionReason: null };
  }
}

/** Folds a whole history (first event `registered`) into the current state; throws on an illegal history. */
export function deriveLifecycle(events: readonly LifecycleEvent[]): LifecycleState {
  if (events.length === 0 || events[0]!.kind !== 'registered') {
    throw new Error('an instrument history starts with a registered event');
  }
  let state = INITIAL;
  for (const event of events.slice(1)) {
    const next = applyEvent(state, event);
    if (!next) throw new Error(`event ${event.kind} is not allowed in status ${state.status}`);
    state = next;
  }
  return state;
}

export function actionToEvent(action: ManualAction): LifecycleEventKind {
  const map: Record<ManualAction, LifecycleEventKind> = {
    install: 'installed',
    suspend: 'suspended',
    resume: 'resumed',
    repair: 'repaired',
    scrap: 'scrapped',
  };
  return map[action];
}

// One instrument's life up to yesterday: when it was made, registered (备案) and installed, every
// verification along its category's cycle (periodic: each cycle; fixed life: once at installation),
// failures with repair and re-verification, suspensions and scrapping. The instrument row's
// projection is then derived from these events with the domain functions, exactly as the live
// services would have left it.
import { addMonths } from '../../domain/common/dates.ts';
import { deriveLifecycle, type LifecycleEventKind, type SuspensionReason } from '../../domain/registry/lifecycle.ts';
import type { InstrumentCategory, InstrumentStatus } from '../../domain/registry/types.ts';
import { nextDueOn } from '../../domain/verification/due-state.ts';
import { validUntil } from '../../domain/verification/validity.ts';
import { officeInstant, toDay, toIso, workdayOnOrBefore } from './days.ts';
import { Prng } from './prng.ts';
import type { CategorySpec } from './specs.ts';
import type { InstrumentDraft } from './instruments.ts';
import type { RepairTrade } from './organizations.ts';

/** What happens to an instrument overall; most are simply kept in order. */
export type Fate = 'normal' | 'lapsed' | 'never' | 'failed_open' | 'owner_suspended' | 'scrapped';

export interface PlannedVerification {
  readonly verifiedOn: string;
  readonly conclusion: 'pass' | 'fail';
  readonly validUntil: string | null;
  readonly adjusted: boolean;
  readonly recordedAt: string;
  /** Seed of the record's content (items, staff, environment). */
  readonly seed: number;
}

export interface PlannedEvent {
  readonly kind: LifecycleEventKind;
  readonly occurredOn: string;
  readonly recordedAt: string;
  readonly detail: Readonly<Record<string, unknown>>;
  /** For `verified` events: the index of the verification in the timeline. */
  readonly verification?: number;
  readonly reason?: SuspensionReason;
}

export interface Projection {
  readonly status: InstrumentStatus;
  readonly suspensionReason: SuspensionReason | null;
  readonly nextDueOn: string | null;
  readonly lastVerifiedOn: string | null;
  readonly lastConclusion: 'pass' | 'fail' | null;
}

export interface Timeline {
  readonly fate: Fate;
  readonly manufacturedOn: string;
  readonly registeredOn: string;
  readonly installedOn: string | null;
  /** When the instrument was registered (its row's created_at). */
  readonly createdAt: string;
  readonly events: readonly PlannedEvent[];
  readonly verifications: readonly PlannedVerification[];
  readonly projection: Projection;
}

export interface HistoryWindow {
  /** Today (the anchor date). */
  readonly today: string;
  /** Three years before today: where periodic histories begin. */
  readonly start: number;
  /** Yesterday: nothing is dated today, so every timestamp precedes any "now" of the anchor day. */
  readonly last: number;
  /** Repairers named in repair events, by trade. */
  readonly repairers: Readonly<Record<RepairTrade, readonly string[]>>;
}

type Step =
  | { kind: 'verify'; day: number; conclusion: 'pass' | 'fail'; adjusted: boolean; validUntil: string | null }
  | { kind: 'repair' | 'suspend' | 'resume' | 'scrap'; day: number; note: string };

const FATES: readonly Fate[] = ['never', 'lapsed', 'failed_open', 'owner_suspended', 'scrapped', 'normal'];
// Chances of each fate; the rest are normal. Lapsed cycles plus never-verified instruments make
// the ~6 % overdue a supervisor expects to chase.
const PERIODIC_FATES = [0.012, 0.038, 0.005, 0.006, 0.01];
const FIXED_LIFE_FATES = [0.008, 0.045, 0.003, 0.002, 0.012];
/** Share of periodic instruments installed during the three years (the rest were already in use). */
const NEW_INSTALL_SHARE: Readonly<Record<string, number>> = { EV_CHARGER_AC: 0.6, EV_CHARGER_DC: 0.65, TAXI_METER: 0.35 };

const REPAIRS = ['调整示值', '更换主板', '更换传感器', '更换编码器', '清洗计量部件', '更换密封件', '更换显示屏', '重新标定'];
const SUSPEND_NOTES = ['经营场所装修改造，暂停使用', '设备故障，报停', '季节性停业', '门店停业整顿', '用户申请暂停使用', '车辆停运'];
const RESUME_NOTES = ['恢复营业，重新启用', '故障排除，恢复使用', '整改完成，恢复使用'];

export function planHistory(draft: InstrumentDraft, window: HistoryWindow): Timeline {
  const { category, spec } = draft;
  const rng = new Prng(draft.seed);
  const periodic = category.verificationMode === 'PERIODIC';
  const fateWeights = periodic ? PERIODIC_FATES : FIXED_LIFE_FATES;
  const fate = FATES[rng.weightedIndex([...fateWeights, 1 - fateWeights.reduce((a, b) => a + b, 0)])]!;
  const { last, start } = window;
  const todayDay = toDay(window.today);

  let registered: number;
  let installed: number | null;
  let steps: Step[] = [];

  if (fate === 'never') {
    // Registered but not (yet) verified: mostly just filed, a few long neglected.
    registered = rng.chance(0.85) ? last - rng.int(0, 45) : last - rng.int(100, 700);
    installed = rng.chance(0.5) ? Math.min(last, registered + rng.int(0, 10)) : null;
  } else if (periodic) {
    const cycleDays = Math.round((category.cycleMonths ?? 12) * 30.4);
    if (rng.chance(NEW_INSTALL_SHARE[category.code] ?? 0.3)) {
      installed = rng.int(start, last - 20);
      registered = installed - rng.int(0, 10);
      steps = cycleSteps(rng, category, spec, Math.min(last, installed + rng.int(0, 6)), last, toIso(installed));
    } else {
      // Already in use when the history starts: filed during its first cycle, verified soon after.
      installed = start - rng.int(30, 3000);
      registered = start + rng.int(0, Math.max(0, Math.min(cycleDays, last - start - 30)));
      steps = cycleSteps(rng, category, spec, workdayOnOrBefore(registered + rng.int(0, 15), registered), last, toIso(installed));
    }
  } else {
    // Fixed life: in service for part of its life, or (lapsed, most scrapped) past the end of it.
    const lifeMonths = category.serviceLifeMonths ?? 60;
    const lifeStart = toDay(addMonths(window.today, -lifeMonths));
    const pastLife = fate === 'lapsed' || (fate === 'scrapped' && rng.chance(0.7));
    installed = pastLife ? lifeStart - rng.int(1, 400) : rng.int(lifeStart + 1, last - 2);
    registered = installed - rng.int(0, 7);
    steps = firstVerificationSteps(rng, category, spec, installed, last);
  }

  steps = applyFate(rng, fate, steps, { periodic, registered, installed, last, todayDay });
  if (fate === 'normal' && periodic && rng.chance(0.03)) steps = withSuspensionSpell(rng, steps);

  const manufactured = Math.min(registered, installed ?? registered) - rng.int(20, 300);
  const registeredAt = officeInstant(registered, rng.int(0, 539));
  const events: PlannedEvent[] = [{ kind: 'registered', occurredOn: toIso(registered), recordedAt: registeredAt, detail: {} }];
  if (installed !== null) {
    // An instrument already in use is filed with its installation date, in the same request.
    events.push({ kind: 'installed', occurredOn: toIso(installed), recordedAt: installed <= registered ? registeredAt : officeInstant(installed, rng.int(0, 539)), detail: {} });
  }
  const verifications: PlannedVerification[] = [];
  for (const step of steps) {
    const occurredOn = toIso(step.day);
    if (step.kind === 'verify') {
      const recordedAt = officeInstant(Math.min(last, step.day + rng.int(0, 3)), rng.int(0, 539));
      events.push({ kind: 'verified', occurredOn, recordedAt, detail: { conclusion: step.conclusion }, verification: verifications.length });
      verifications.push({ verifiedOn: occurredOn, conclusion: step.conclusion, validUntil: step.validUntil, adjusted: step.adjusted, recordedAt, seed: rng.int(0, 0x7fffffff) });
      continue;
    }
    const recordedAt = officeInstant(step.day, rng.int(0, 539));
    if (step.kind === 'suspend') {
      events.push({ kind: 'suspended', occurredOn, recordedAt, detail: { note: step.note, reason: 'owner_request' }, reason: 'owner_request' });
    } else {
      const kind = ({ repair: 'repaired', resume: 'resumed', scrap: 'scrapped' } as const)[step.kind];
      const note = step.kind === 'repair' ? `${repairerOf(draft, window, rng)}：${step.note}` : step.note;
      events.push({ kind, occurredOn, recordedAt, detail: { note } });
    }
  }

  return {
    fate,
    manufacturedOn: toIso(manufactured),
    registeredOn: toIso(registered),
    installedOn: installed === null ? null : toIso(installed),
    createdAt: registeredAt,
    events,
    verifications,
    projection: project(events, verifications, toIso(registered)),
  };
}

/** Who repaired it: household meters go back to their maker, the rest to a local repairer of the trade. */
function repairerOf(draft: InstrumentDraft, window: HistoryWindow, rng: Prng): string {
  if (draft.category.verificationMode !== 'PERIODIC') return `返厂修理（${draft.maker.name}）`;
  const trade: RepairTrade = draft.spec.code === 'PRICE_SCALE' ? 'scales' : draft.spec.code.endsWith('_DISPENSER') ? 'dispensers' : 'general';
  return `${rng.pick(window.repairers[trade])}修理`;
}

/** The instrument row's projection, from the events and verifications by the domain rules. */
export function project(events: readonly PlannedEvent[], verifications: readonly PlannedVerification[], registeredOn: string): Projection {
  const state = deriveLifecycle(
    events.map((e) => ({
      kind: e.kind,
      occurredOn: e.occurredOn,
      ...(e.verification !== undefined ? { conclusion: verifications[e.verification]!.conclusion } : {}),
      ...(e.reason ? { reason: e.reason } : {}),
    })),
  );
  const lastVerification = verifications.at(-1);
  return {
    status: state.status,
    suspensionReason: state.suspensionReason,
    nextDueOn: nextDueOn(state.status, registeredOn, verifications),
    lastVerifiedOn: lastVerification?.verifiedOn ?? null,
    lastConclusion: lastVerification?.conclusion ?? null,
  };
}

/** Periodic verification: each passing one valid for the cycle, renewed shortly before (sometimes after) it expires. */
function cycleSteps(rng: Prng, category: InstrumentCategory, spec: CategorySpec, first: number, last: number, installedOn: string): Step[] {
  const steps: Step[] = [];
  let day = first;
  let afterFailure = false;
  while (day <= last) {
    if (rng.chance(afterFailure ? spec.failRate / 2 : spec.failRate)) {
      steps.push({ kind: 'verify', day, conclusion: 'fail', adjusted: false, validUntil: null });
      // Most owners repair and resubmit within weeks; a re-verification beyond yesterday leaves it suspended.
      const again = workdayOnOrBefore(day + rng.int(3, 30), day + 2);
      if (again > last) break;
      steps.push({ kind: 'repair', day: day + rng.int(1, again - day - 1), note: rng.pick(REPAIRS) });
      day = again;
      afterFailure = true;
      continue;
    }
    const valid = validUntil({ category, verifiedOn: toIso(day), instrumentServiceLifeMonths: null, serviceStartOn: installedOn });
    steps.push({ kind: 'verify', day, conclusion: 'pass', adjusted: afterFailure || rng.chance(spec.adjustRate), validUntil: valid });
    afterFailure = false;
    if (valid === null) break;
    const due = toDay(valid) + 1;
    const next = rng.chance(0.85) ? due - rng.int(1, 25) : due + rng.int(0, 20);
    day = Math.max(day + 1, workdayOnOrBefore(next, day + 1));
  }
  return steps;
}

/** Fixed life: one verification at installation (and a re-verification if that one failed). */
function firstVerificationSteps(rng: Prng, category: InstrumentCategory, spec: CategorySpec, installed: number, last: number): Step[] {
  const installedOn = toIso(installed);
  const day = Math.min(last, installed + (rng.chance(0.3) ? rng.int(0, 2) : 0));
  const pass = (d: number, adjusted: boolean): Step => ({
    kind: 'verify',
    day: d,
    conclusion: 'pass',
    adjusted,
    validUntil: validUntil({ category, verifiedOn: toIso(d), instrumentServiceLifeMonths: null, serviceStartOn: installedOn }),
  });
  if (!rng.chance(spec.failRate)) return [pass(day, false)];
  const steps: Step[] = [{ kind: 'verify', day, conclusion: 'fail', adjusted: false, validUntil: null }];
  const again = day + rng.int(2, 20);
  if (again > last) return steps;
  steps.push({ kind: 'repair', day: day + rng.int(1, again - day - 1), note: rng.pick(REPAIRS) }, pass(again, true));
  return steps;
}

function applyFate(
  rng: Prng,
  fate: Fate,
  steps: Step[],
  at: { periodic: boolean; registered: number; installed: number | null; last: number; todayDay: number },
): Step[] {
  const lastVerify = () => [...steps].reverse().find((s) => s.kind === 'verify') as Extract<Step, { kind: 'verify' }> | undefined;
  const dropTrailingNonVerify = () => {
    while (steps.length && steps.at(-1)!.kind !== 'verify') steps.pop();
  };
  const floor = Math.max(at.registered, at.installed ?? at.registered) + 1;
  switch (fate) {
    case 'normal':
    case 'never':
      return steps;
    case 'lapsed': {
      // Skip the renewal: drop verifications until the last passing one has expired.
      for (;;) {
        dropTrailingNonVerify();
        const v = lastVerify();
        if (!v || (v.conclusion === 'pass' && v.validUntil !== null && toDay(v.validUntil) < at.todayDay)) return steps;
        steps.pop();
      }
    }
    case 'failed_open': {
      dropTrailingNonVerify();
      const v = lastVerify();
      if (v) steps[steps.length - 1] = { ...v, conclusion: 'fail', adjusted: false, validUntil: null };
      return steps;
    }
    case 'owner_suspended': {
      const day = Math.max(floor, at.last - rng.int(0, 150));
      if (day > at.last) return steps;
      steps = steps.filter((s) => s.day < day);
      const v = lastVerify();
      // An instrument suspended after a failed verification stays so for that reason.
      if (v?.conclusion === 'fail') return steps;
      steps.push({ kind: 'suspend', day, note: rng.pick(SUSPEND_NOTES) });
      return steps;
    }
    case 'scrapped': {
      const v0 = lastVerify();
      if (!at.periodic && v0?.validUntil && toDay(v0.validUntil) < at.todayDay) {
        // Fixed-life meter at the end of its life: replaced (到期轮换).
        const day = Math.min(at.last, Math.max(v0.day + 1, toDay(v0.validUntil) + rng.int(-60, 90)));
        steps.push({ kind: 'scrap', day, note: '使用期满，到期轮换' });
        return steps;
      }
      const cut = Math.max(floor, at.last - rng.int(0, 700));
      steps = steps.filter((s) => s.day < cut);
      dropTrailingNonVerify();
      const v = lastVerify();
      if (v && v.conclusion === 'pass' && rng.chance(0.6)) steps[steps.length - 1] = { ...v, conclusion: 'fail', adjusted: false, validUntil: null };
      const failed = lastVerify()?.conclusion === 'fail';
      const after = steps.length ? steps.at(-1)!.day : floor - 1;
      const day = Math.min(at.last, after + rng.int(3, 40));
      steps.push({ kind: 'scrap', day: Math.max(day, after), note: failed ? '检定不合格，无修理价值，报废' : '设备更新，报废' });
      return steps;
    }
  }
}

/** A spell of suspension at the owner's request between two verifications (renovation, breakdown). */
function withSuspensionSpell(rng: Prng, steps: Step[]): Step[] {
  const gaps: number[] = [];
  for (let i = 0; i + 1 < steps.length; i++) {
    const a = steps[i]!;
    const b = steps[i + 1]!;
    if (a.kind === 'verify' && a.conclusion === 'pass' && b.kind === 'verify' && b.day - a.day >= 40) gaps.push(i);
  }
  if (!gaps.length) return steps;
  const i = rng.pick(gaps);
  const a = steps[i]!.day;
  const b = steps[i + 1]!.day;
  const suspend = a + rng.int(5, Math.floor((b - a) / 2));
  const resume = suspend + rng.int(3, b - suspend - 1);
  return [
    ...steps.slice(0, i + 1),
    { kind: 'suspend', day: suspend, note: rng.pick(SUSPEND_NOTES) },
    { kind: 'resume', day: resume, note: rng.pick(RESUME_NOTES) },
    ...steps.slice(i + 1),
  ];
}

import { Type, type Static } from '@sinclair/typebox';
import { INSTRUMENT_STATUSES } from '../../domain/registry/types.ts';
import { DUE_STATES } from '../../domain/verification/due-state.ts';
import { MANUAL_ACTIONS, LIFECYCLE_EVENT_KINDS } from '../../domain/registry/lifecycle.ts';
import { Id, IsoDate, OptionalText, PageQuery, ShortText, StringEnum } from './common.ts';

const OptionalDate = Type.Optional(Type.Union([IsoDate, Type.Null()]));

export const NewInstrument = Type.Object(
  {
    categoryCode: ShortText(64),
    manufacturer: ShortText(200),
    model: ShortText(100),
    serialNo: ShortText(100),
    districtCode: Type.String({ pattern: '^\\d{6}$' }),
    useDomain: ShortText(32),
    ownerId: Type.Optional(Id),
    ownerUscc: Type.Optional(Type.String({ minLength: 1, maxLength: 18, description: 'the owner by its USCC, instead of ownerId' })),
    patternApprovalNo: OptionalText(100),
    accuracyClass: OptionalText(50),
    measuringRange: OptionalText(100),
    site: OptionalText(300),
    manufacturedOn: OptionalDate,
    registeredOn: OptionalDate,
    installedOn: OptionalDate,
    serviceLifeMonths: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 600 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type NewInstrument = Static<typeof NewInstrument>;

export const InstrumentStatus = StringEnum(INSTRUMENT_STATUSES);
export const DueState = StringEnum(DUE_STATES);

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const Instrument = Type.Object({
  id: Id,
  categoryCode: Type.String(),
  manufacturer: Type.String(),
  model: Type.String(),
  serialNo: Type.String(),
  patternApprovalNo: Nullable(Type.String()),
  accuracyClass: Nullable(Type.String()),
  measuringRange: Nullable(Type.String()),
  site: Nullable(Type.String()),
  districtCode: Type.String(),
  useDomain: Type.String(),
  ownerId: Id,
  ownerName: Type.String(),
  manufacturedOn: Nullable(Type.String()),
  registeredOn: Type.String(),
  installedOn: Nullable(Type.String()),
  serviceLifeMonths: Type.Union([Type.Integer(), Type.Null()]),
  status: InstrumentStatus,
  suspensionReason: Nullable(Type.String()),
  nextDueOn: Nullable(Type.String()),
  dueState: DueState,
  lastVerifiedOn: Nullable(Type.String()),
  lastConclusion: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Instrument = Static<typeof Instrument>;

export const InstrumentEvent = Type.Object({
  id: Id,
  kind: StringEnum(LIFECYCLE_EVENT_KINDS),
  occurredOn: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()),
  recordedAt: Type.String(),
});
export type InstrumentEvent = Static<typeof InstrumentEvent>;

export const INSTRUMENT_SORTS = ['nextDueOn', '-nextDueOn', 'id', '-id', 'registeredOn', '-registeredOn'] as const;

export const InstrumentQuery = Type.Object(
  {
    districtCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
    categoryCode: Type.Optional(Type.String({ maxLength: 64 })),
    status: Type.Optional(InstrumentStatus),
    dueState: Type.Optional(DueState),
    ownerId: Type.Optional(Id),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    sort: Type.Optional(StringEnum(INSTRUMENT_SORTS)),
    dueSoonDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type InstrumentQuery = Static<typeof InstrumentQuery>;

export const InstrumentAction = Type.Object(
  {
    action: StringEnum(MANUAL_ACTIONS),
    occurredOn: Type.Optional(IsoDate),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type InstrumentAction = Static<typeof InstrumentAction>;

export const IntervalRecommendationQuery = Type.Object(
  {
    reliabilityTarget: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.95, description: 'end-of-period in-tolerance probability to reach (R*)' }),
    ),
  },
  { additionalProperties: false },
);
export type IntervalRecommendationQuery = Static<typeof IntervalRecommendationQuery>;

export const INTERVAL_RECOMMENDATION_REASONS = ['compulsory', 'not_periodic', 'insufficient_history', 'no_results_near_current_interval'] as const;

export const IntervalRecommendation = Type.Object({
  instrumentId: Id,
  categoryCode: Type.String(),
  compulsory: Type.Boolean(),
  /** whether the owner may change the interval (non-compulsory, periodic categories) */
  applicable: Type.Boolean(),
  reason: Type.Optional(StringEnum(INTERVAL_RECOMMENDATION_REASONS)),
  message: Type.Optional(Type.Object({ zh: Type.String(), en: Type.String() })),
  reliabilityTarget: Type.Number(),
  currentIntervalDays: Type.Union([Type.Integer(), Type.Null()]),
  history: Type.Array(Type.Object({ fromOn: Type.String(), toOn: Type.String(), intervalDays: Type.Integer(), inTolerance: Type.Boolean() })),
  recommendation: Type.Optional(
    Type.Object({
      method: Type.String(),
      action: StringEnum(['lengthen', 'shorten', 'keep'] as const),
      recommendedIntervalDays: Type.Integer(),
      currentIntervalDays: Type.Number(),
      calculatedIntervalDays: Type.Number(),
      observedReliability: Type.Number(),
      reliabilityTarget: Type.Number(),
      rejectionConfidence: Type.Number(),
      confidence: Type.Number(),
      reliabilityInterval: Type.Object({ lower: Type.Number(), upper: Type.Number() }),
      inTolerance: Type.Integer(),
      used: Type.Integer(),
      unused: Type.Integer(),
      windowDays: Type.Number(),
    }),
  ),
});
export type IntervalRecommendation = Static<typeof IntervalRecommendation>;

import { Type, type Static } from '@sinclair/typebox';
import { CONCLUSIONS } from '../../domain/verification/types.ts';
import { DECISION_RULES } from '../../domain/verification/item-decision.ts';
import { Id, IsoDate, ShortText, StringEnum } from './common.ts';
import { CertificateSummary } from './certificate.ts';

const FiniteNumber = Type.Number({ minimum: -1e12, maximum: 1e12 });

export const StandardUsed = Type.Object(
  {
    name: ShortText(200),
    certificateNo: Type.Optional(Type.String({ maxLength: 100 })),
    measuringRange: Type.Optional(Type.String({ maxLength: 100 })),
    uncertainty: Type.Optional(Type.String({ maxLength: 100 })),
    validUntil: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const VerificationItem = Type.Object(
  {
    name: ShortText(200),
    nominal: Type.Optional(FiniteNumber),
    error: FiniteNumber,
    mpe: Type.Union([
      Type.Number({ minimum: 0, maximum: 1e12 }),
      Type.Object({ lower: FiniteNumber, upper: FiniteNumber }, { additionalProperties: false }),
    ]),
    unit: Type.Optional(Type.String({ maxLength: 32 })),
    u: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e12, description: 'standard uncertainty of error' })),
  },
  { additionalProperties: false },
);

export const DecisionRule = Type.Object(
  {
    rule: StringEnum(DECISION_RULES),
    k: Type.Optional(Type.Number({ minimum: 0, maximum: 10 })),
    targetPFA: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 0.5 })),
  },
  { additionalProperties: false, description: 'JCGM 106 / ILAC G8 decision rule for items that carry an uncertainty' },
);

const ItemDecision = Type.Object({
  rule: StringEnum(DECISION_RULES),
  accept: Type.Boolean(),
  pc: Type.Optional(Type.Number()),
  specificRisk: Type.Optional(Type.Number()),
});

export const Environment = Type.Object(
  {
    temperatureC: Type.Optional(Type.Number({ minimum: -60, maximum: 100 })),
    humidityPct: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    other: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

export const NewVerification = Type.Object(
  {
    institutionId: Id,
    verifiedOn: IsoDate,
    verifier: ShortText(100),
    checker: ShortText(100),
    approver: ShortText(100),
    regulation: Type.Optional(ShortText(128)),
    place: ShortText(300),
    environment: Environment,
    standards: Type.Array(StandardUsed, { minItems: 1, maxItems: 50 }),
    items: Type.Array(VerificationItem, { minItems: 1, maxItems: 500 }),
    adjusted: Type.Boolean(),
    conclusion: StringEnum(CONCLUSIONS),
    decisionRule: Type.Optional(DecisionRule),
    uncertaintyBudget: Type.Optional(
      Type.Object({}, { additionalProperties: true, description: 'GUM budget input (DESIGN.md §8 `gum`): computed when recorded, stored with the record, printed on its certificate' }),
    ),
  },
  { additionalProperties: false },
);
export type NewVerification = Static<typeof NewVerification>;

export const Verification = Type.Object({
  id: Id,
  instrumentId: Id,
  institutionId: Id,
  institutionName: Type.String(),
  verifiedOn: Type.String(),
  verifier: Type.String(),
  checker: Type.String(),
  approver: Type.String(),
  regulation: Type.String(),
  place: Type.String(),
  environment: Environment,
  standards: Type.Array(StandardUsed),
  items: Type.Array(Type.Intersect([VerificationItem, Type.Object({ pass: Type.Boolean(), decision: ItemDecision })])),
  adjusted: Type.Boolean(),
  conclusion: StringEnum(CONCLUSIONS),
  documentKind: StringEnum(['certificate', 'result_notice'] as const),
  documentNo: Type.String(),
  validUntil: Type.Union([Type.String(), Type.Null()]),
  catalogueEdition: Type.String(),
  recordedAt: Type.String(),
  /** The GUM input and its result, when the record carries an uncertainty budget. */
  uncertaintyBudget: Type.Union([Type.Object({ input: Type.Unknown(), result: Type.Unknown() }), Type.Null()]),
});
export type Verification = Static<typeof Verification>;

/** A verification as the instrument detail lists it: with its certificate, null until one is issued. */
export const VerificationWithCertificate = Type.Composite([Verification, Type.Object({ certificate: Type.Union([CertificateSummary, Type.Null()]) })]);
export type VerificationWithCertificate = Static<typeof VerificationWithCertificate>;

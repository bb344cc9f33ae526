import { Type } from '@sinclair/typebox';
import { Id } from '../../services/schemas/common.ts';

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

const FieldError = Type.Object({ pointer: Type.String(), code: Type.String(), zh: Type.String(), en: Type.String(), detail: Type.Optional(Type.String()) });

/** RFC 9457 problem document as served for every error. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    messages: Type.Object({ zh: Type.String(), en: Type.String() }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(FieldError)),
  },
  { additionalProperties: true },
);

export const ProblemResponses = {
  '4xx': { ...Problem, description: 'Problem details (RFC 9457)' },
};

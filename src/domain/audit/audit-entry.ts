// What the audit log records for one write or one denied request. Personal data is referenced by
// id, never copied: `detail` carries ids, codes, counts and field names only.
import type { ActorKind } from '../auth/actor.ts';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export interface AuditEntryInput {
  readonly requestId: string | null;
  readonly actorKind: ActorKind;
  readonly actorId: string | null;
  /** role@scope list of the actor, e.g. `regulator@district:500103` */
  readonly scope: string | null;
  /** dotted verb, e.g. `instrument.register`, `auth.login`, `http.denied` */
  readonly action: string;
  readonly outcome: AuditOutcome;
  readonly targetType: string | null;
  readonly targetId: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

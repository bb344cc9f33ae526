// A calibration record may carry its uncertainty budget (the GUM input and the computed result),
// printed on its certificate.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('verification').addColumn('uncertainty_budget', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('verification').dropColumn('uncertainty_budget').execute();
}

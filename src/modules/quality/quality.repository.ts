/** SQL for the quality coach: a plan's tree as the rules read it, and the caller's locales. */
import type { DbOrTrx } from '../../context.js';

/** The caller's locale, the organization's locale and its settings (JSON text). */
export function findQualityContext(db: DbOrTrx, orgId: string, userId: string) {
  return db
    .selectFrom('organizations')
    .leftJoin('users', (j) =>
      j.onRef('users.organization_id', '=', 'organizations.id').on('users.id', '=', userId),
    )
    .select([
      'organizations.locale as organization_locale',
      'organizations.settings',
      'users.locale as user_locale',
    ])
    .where('organizations.id', '=', orgId)
    .executeTakeFirst();
}

/** The plan's objectives by priority: what the objective rules read. */
export function qualityObjectives(db: DbOrTrx, orgId: string, planId: string) {
  return db
    .selectFrom('objectives')
    .select([
      'id',
      'title',
      'weight',
      'visibility',
      'aligned_to_objective_id',
      'aligned_to_key_result_id',
    ])
    .where('plan_id', '=', planId)
    .where('organization_id', '=', orgId)
    .orderBy('priority')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
export type QualityObjectiveRow = Awaited<ReturnType<typeof qualityObjectives>>[number];

/** The plan's key results by priority: what the key result rules read. */
export function qualityKeyResults(db: DbOrTrx, orgId: string, planId: string) {
  return db
    .selectFrom('key_results')
    .select([
      'id',
      'objective_id',
      'title',
      'metric_type',
      'unit',
      'start_value',
      'target_value',
      'direction',
      'weight',
      'owner_id',
    ])
    .where('plan_id', '=', planId)
    .where('organization_id', '=', orgId)
    .orderBy('priority')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
export type QualityKeyResultRow = Awaited<ReturnType<typeof qualityKeyResults>>[number];

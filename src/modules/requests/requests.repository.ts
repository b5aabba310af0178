/** SQL for cross-department requests and support links. Every query is scoped to one organization. */
import type { DbOrTrx } from '../../context.js';
import type { SupportLinkTable, SupportRequestRow, SupportRequestTable } from '../../db/schema.js';
import { isPostgres } from '../progress/progress.repository.js';

/** requests with their objective's title and visibility, the owners' and the unit's names */
function views(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('support_requests as r')
    .innerJoin('objectives as fo', 'fo.id', 'r.from_objective_id')
    .innerJoin('plans as fp', 'fp.id', 'r.from_plan_id')
    .innerJoin('units as tu', 'tu.id', 'r.to_unit_id')
    .leftJoin('users as ru', 'ru.id', 'r.requester_id')
    .leftJoin('units as fu', (j) =>
      j.onRef('fu.id', '=', 'fp.owner_id').on('fp.owner_type', '=', 'unit'),
    )
    .leftJoin('users as fuu', (j) =>
      j.onRef('fuu.id', '=', 'fp.owner_id').on('fp.owner_type', '=', 'user'),
    )
    .selectAll('r')
    .select([
      'fo.title as from_objective_title',
      'fo.visibility as from_visibility',
      'fp.owner_type as from_owner_type',
      'fp.owner_id as from_owner_id',
      'fp.approver_id as from_approver_id',
      'fu.name as from_unit_name',
      'fuu.name as from_user_name',
      'tu.name as to_unit_name',
      'tu.leader_id as to_unit_leader_id',
      'ru.name as requester_name',
    ])
    .where('r.organization_id', '=', orgId);
}

export type RequestView = NonNullable<Awaited<ReturnType<typeof findRequestView>>>;

export function findRequestView(db: DbOrTrx, orgId: string, id: string) {
  return views(db, orgId).where('r.id', '=', id).executeTakeFirst();
}

/** The request, locked until commit on PostgreSQL (accept / decline / withdraw run one at a time). */
export function lockRequest(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<SupportRequestRow | undefined> {
  const q = db
    .selectFrom('support_requests')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', orgId);
  return (isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
}

export async function insertRequest(db: DbOrTrx, row: SupportRequestTable): Promise<void> {
  await db.insertInto('support_requests').values(row).execute();
}

/** An open request for the same objective and unit, if any. */
export function findOpenRequest(db: DbOrTrx, orgId: string, objectiveId: string, unitId: string) {
  return db
    .selectFrom('support_requests')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('from_objective_id', '=', objectiveId)
    .where('to_unit_id', '=', unitId)
    .where('state', '=', 'open')
    .executeTakeFirst();
}

export type RequestChanges = Partial<
  Pick<
    SupportRequestRow,
    | 'state'
    | 'response_reason'
    | 'responder_id'
    | 'responded_at'
    | 'created_plan_id'
    | 'created_objective_id'
    | 'created_key_result_id'
  >
> & { updated_at: string };

/** Updates the request if it is still at `version`, bumping it; false when it moved on. */
export async function updateRequest(
  db: DbOrTrx,
  orgId: string,
  id: string,
  version: number,
  set: RequestChanges,
): Promise<boolean> {
  const r = await db
    .updateTable('support_requests')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface RequestQuery {
  userId: string;
  /** incoming: to units the user leads (everything for `all`); outgoing: theirs or their plans' */
  direction?: 'incoming' | 'outgoing';
  /** admins see every incoming request */
  all: boolean;
  state?: SupportRequestRow['state'];
  limit: number;
  /** (created_at, id) of the last request of the previous page */
  before?: { at: string; id: string };
}

/** Newest first, keyset-paginated (`limit + 1` rows). */
export function listRequestViews(db: DbOrTrx, orgId: string, q: RequestQuery) {
  let query = views(db, orgId);
  if (q.state !== undefined) query = query.where('r.state', '=', q.state);
  query = query.where((eb) => {
    const ledUnits = eb
      .selectFrom('units as lu')
      .select('lu.id')
      .where('lu.organization_id', '=', orgId)
      .where('lu.leader_id', '=', q.userId);
    const incoming = q.all ? eb.lit(true) : eb('r.to_unit_id', 'in', ledUnits);
    const outgoing = eb.or([
      eb('r.requester_id', '=', q.userId),
      eb.and([eb('fp.owner_type', '=', 'user'), eb('fp.owner_id', '=', q.userId)]),
      eb.and([eb('fp.owner_type', '=', 'unit'), eb('fp.owner_id', 'in', ledUnits)]),
    ]);
    if (q.direction === 'incoming') return incoming;
    if (q.direction === 'outgoing') return outgoing;
    return eb.or([incoming, outgoing]);
  });
  if (q.before) {
    const { at, id } = q.before;
    query = query.where((eb) =>
      eb.or([
        eb('r.created_at', '<', at),
        eb.and([eb('r.created_at', '=', at), eb('r.id', '<', id)]),
      ]),
    );
  }
  return query
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

/** The unit's plan in a cycle, if it has one. */
export function findUnitPlan(db: DbOrTrx, orgId: string, unitId: string, cycleId: string) {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('cycle_id', '=', cycleId)
    .where('owner_type', '=', 'unit')
    .where('owner_id', '=', unitId)
    .executeTakeFirst();
}

export async function insertSupportLink(db: DbOrTrx, row: SupportLinkTable): Promise<void> {
  await db.insertInto('support_links').values(row).execute();
}

/** Support links with either end in a plan of `cycleId`, with both ends' plan and visibility. */
export function supportLinksOfCycle(db: DbOrTrx, orgId: string, cycleId: string) {
  return db
    .selectFrom('support_links as l')
    .innerJoin('objectives as so', 'so.id', 'l.supporting_objective_id')
    .innerJoin('plans as sp', 'sp.id', 'so.plan_id')
    .innerJoin('objectives as tob', 'tob.id', 'l.supported_objective_id')
    .innerJoin('plans as tp', 'tp.id', 'tob.plan_id')
    .selectAll('l')
    .select([
      'sp.id as from_plan_id',
      'sp.owner_type as from_owner_type',
      'sp.owner_id as from_owner_id',
      'so.visibility as from_visibility',
      'tp.id as to_plan_id',
      'tp.owner_type as to_owner_type',
      'tp.owner_id as to_owner_id',
      'tob.visibility as to_visibility',
    ])
    .where('l.organization_id', '=', orgId)
    .where((eb) => eb.or([eb('sp.cycle_id', '=', cycleId), eb('tp.cycle_id', '=', cycleId)]))
    .orderBy('l.created_at')
    .orderBy('l.id')
    .execute();
}

export type SupportLinkView = Awaited<ReturnType<typeof supportLinksOfCycle>>[number];

/** Open requests to the units `userId` leads, newest first (the inbox). */
export function openRequestsToLeader(db: DbOrTrx, orgId: string, userId: string, limit: number) {
  return views(db, orgId)
    .where('r.state', '=', 'open')
    .where('r.to_unit_id', 'in', (eb) =>
      eb
        .selectFrom('units as lu')
        .select('lu.id')
        .where('lu.organization_id', '=', orgId)
        .where('lu.leader_id', '=', userId),
    )
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

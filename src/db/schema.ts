/**
 * Table types for Kysely. One interface per table; both engines share them.
 * Conventions: ids are text; timestamps are ISO-8601 UTC text; dates are `YYYY-MM-DD` text;
 * booleans are integers 0/1 (SQLite has no boolean); JSON is text.
 * Every table except `organizations` carries `organization_id`.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';

export interface OrganizationTable {
  id: string;
  name: string;
  locale: string;
  timezone: string;
  /** JSON text of OrganizationSettings */
  settings: string;
  created_at: string;
  version: number;
}

export interface UserTable {
  id: string;
  organization_id: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
  locale: string | null;
  active: number;
  password_hash: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UnitTable {
  id: string;
  organization_id: string;
  name: string;
  parent_id: string | null;
  leader_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UnitMemberTable {
  organization_id: string;
  unit_id: string;
  user_id: string;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the session token */
  id: string;
  organization_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  organization_id: string;
  user_id: string;
  name: string;
  /** sha256 of the token */
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptTable {
  /** `account:<email>` or `address:<ip>` */
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

export interface CycleTable {
  id: string;
  organization_id: string;
  name: string;
  kind: 'year' | 'half' | 'quarter' | 'month' | 'custom';
  start_date: string;
  end_date: string;
  parent_id: string | null;
  state: 'planning' | 'active' | 'reviewing' | 'closed';
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PlanTable {
  id: string;
  organization_id: string;
  cycle_id: string;
  owner_type: 'unit' | 'user';
  owner_id: string;
  state: 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'closed';
  approver_id: string | null;
  /** clamped weighted progress 0–1, maintained on write */
  progress: number;
  last_check_in_at: string | null;
  submitted_at: string | null;
  approved_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ObjectiveTable {
  id: string;
  organization_id: string;
  plan_id: string;
  title: string;
  description: string | null;
  kind: 'committed' | 'aspirational';
  priority: number;
  weight: number;
  aligned_to_objective_id: string | null;
  aligned_to_key_result_id: string | null;
  visibility: 'public' | 'private';
  progress: number;
  last_check_in_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface KeyResultTable {
  id: string;
  organization_id: string;
  plan_id: string;
  objective_id: string;
  title: string;
  metric_type: 'number' | 'percent' | 'currency' | 'boolean';
  unit: string | null;
  start_value: number;
  target_value: number;
  current_value: number;
  direction: 'increase' | 'decrease';
  weight: number;
  priority: number;
  owner_id: string | null;
  due_date: string | null;
  confidence: number | null;
  progress_source: 'manual' | 'aligned' | 'actions';
  /** clamped progress 0–1 */
  progress: number;
  /** unclamped progress (over-achievement is shown, not lost) */
  progress_raw: number;
  last_check_in_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ActionTable {
  id: string;
  organization_id: string;
  plan_id: string;
  key_result_id: string;
  title: string;
  owner_id: string | null;
  start_date: string | null;
  due_date: string | null;
  weight: number;
  state: 'todo' | 'in_progress' | 'done' | 'blocked' | 'cancelled';
  position: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CheckInTable {
  id: string;
  organization_id: string;
  plan_id: string;
  key_result_id: string;
  value: number;
  confidence: number | null;
  note: string | null;
  blockers: string | null;
  author_id: string;
  idempotency_key: string | null;
  /** JSON text of the first response, replayed for the same Idempotency-Key */
  response: string | null;
  created_at: string;
}

export interface ReviewTable {
  id: string;
  organization_id: string;
  plan_id: string;
  decision: 'submitted' | 'approved' | 'changes_requested';
  comment: string | null;
  reviewer_id: string;
  created_at: string;
}

export interface AuditEntryTable {
  id: string;
  organization_id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  created_at: string;
}

export interface Database {
  organizations: OrganizationTable;
  users: UserTable;
  units: UnitTable;
  unit_members: UnitMemberTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_attempts: LoginAttemptTable;
  cycles: CycleTable;
  plans: PlanTable;
  objectives: ObjectiveTable;
  key_results: KeyResultTable;
  actions: ActionTable;
  check_ins: CheckInTable;
  reviews: ReviewTable;
  audit_entries: AuditEntryTable;
}

export type OrganizationRow = Selectable<OrganizationTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type UnitRow = Selectable<UnitTable>;
export type CycleRow = Selectable<CycleTable>;
export type PlanRow = Selectable<PlanTable>;
export type ObjectiveRow = Selectable<ObjectiveTable>;
export type KeyResultRow = Selectable<KeyResultTable>;
export type ActionRow = Selectable<ActionTable>;
export type CheckInRow = Selectable<CheckInTable>;
export type ReviewRow = Selectable<ReviewTable>;
export type AuditEntryRow = Selectable<AuditEntryTable>;

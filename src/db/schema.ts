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
  /**
   * moves on with every change a plan read shows (0012: triggers on the tree and around it, the
   * roll-up's own update of the plan); with `version`, what a kept plan read is checked against
   */
  revision: number;
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
  /**
   * JSON text of the quality report at submission (migration 0002_quality); null otherwise.
   * Optional so that rows built before the column existed (the generator's) still type-check.
   */
  quality?: string | null;
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

/**
 * Columns added to `objectives` by 0004_lifecycle. Kept apart from ObjectiveTable (all nullable),
 * so rows written as `ObjectiveTable` before that migration existed still insert.
 */
export interface ObjectiveLifecycleColumns {
  /** the objective of an earlier cycle this one was carried over from */
  carried_from_objective_id: string | null;
}

/** Columns added to `key_results` by 0004_lifecycle (all nullable; see ObjectiveLifecycleColumns). */
export interface KeyResultLifecycleColumns {
  /** the KR of an earlier cycle this one was carried over from */
  carried_from_key_result_id: string | null;
  /** the owner's self score 0–1 (reviewing phase) */
  self_score: number | null;
  self_score_note: string | null;
  self_scored_by: string | null;
  self_scored_at: string | null;
  /** the approver's final score 0–1; fixed for every KR when the plan closes */
  final_score: number | null;
  final_score_note: string | null;
  final_scored_by: string | null;
  final_scored_at: string | null;
}

/** A change to an approved plan, with its reason (domain.md "adjustment"). */
export interface AdjustmentTable {
  id: string;
  organization_id: string;
  plan_id: string;
  target_type: 'objective' | 'keyResult' | 'plan';
  /** null while a proposed create waits (the row does not exist yet) */
  target_id: string | null;
  /** the objective involved (the target itself, or the KR's objective); null for a plan reorder */
  objective_id: string | null;
  kind: 'create' | 'update' | 'delete' | 'reorder';
  /** JSON text: the defining fields before / after (null for create / delete) */
  before: string | null;
  after: string | null;
  /** JSON text: the request to apply when a pending adjustment is accepted */
  request: string | null;
  reason: string;
  /** 'private' when a private objective is involved (hidden from readers who may not see it) */
  visibility: 'public' | 'private';
  actor_id: string;
  created_at: string;
  status: 'applied' | 'pending' | 'accepted' | 'rejected';
  decided_by: string | null;
  decided_at: string | null;
  decision_comment: string | null;
  version: number;
}

/** A snapshot of a plan's tree (defining fields, not progress) at an approval or an adjustment. */
export interface PlanVersionTable {
  id: string;
  organization_id: string;
  plan_id: string;
  /** 1, 2, … per plan */
  number: number;
  cause: 'approval' | 'adjustment';
  adjustment_id: string | null;
  actor_id: string | null;
  /** JSON text of PlanSnapshot (src/domain/diff.ts) */
  snapshot: string;
  created_at: string;
}

/** The retrospective (复盘) of one plan. */
export interface RetrospectiveTable {
  id: string;
  organization_id: string;
  plan_id: string;
  went_well: string;
  went_badly: string;
  lessons: string;
  carry_over: string;
  author_id: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** A cross-department request (协同): one unit or person asks another unit to support an objective. */
export interface SupportRequestTable {
  id: string;
  organization_id: string;
  /** the objective to support, and its plan and cycle */
  from_objective_id: string;
  from_plan_id: string;
  cycle_id: string;
  requester_id: string;
  to_unit_id: string;
  message: string;
  /** JSON text of the key result the requester would like to see ({title, metricType?, …}) */
  desired_key_result: string | null;
  /** the date (YYYY-MM-DD) the support is needed by, if the requester gave one */
  needed_by: string | null;
  state: 'open' | 'accepted' | 'declined' | 'withdrawn';
  /** why it was declined (required) or withdrawn */
  response_reason: string | null;
  responder_id: string | null;
  responded_at: string | null;
  /** what accepting created in the target unit's plan */
  created_plan_id: string | null;
  created_objective_id: string | null;
  created_key_result_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Support across departments: an objective (or one of its KRs) supports another unit's objective. */
export interface SupportLinkTable {
  id: string;
  organization_id: string;
  request_id: string | null;
  supporting_objective_id: string;
  supporting_key_result_id: string | null;
  supported_objective_id: string;
  created_by: string | null;
  created_at: string;
}

/** A comment on a plan, objective, KR or check-in; the body is plain text. */
export interface CommentTable {
  id: string;
  organization_id: string;
  target_type: 'plan' | 'objective' | 'keyResult' | 'checkIn';
  target_id: string;
  plan_id: string;
  objective_id: string | null;
  key_result_id: string | null;
  check_in_id: string | null;
  author_id: string;
  body: string;
  /** JSON text: the mentioned user ids */
  mentions: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export type NotificationKind =
  | 'plan_submitted'
  | 'plan_approved'
  | 'plan_changes_requested'
  | 'mention'
  | 'request_received'
  | 'request_accepted'
  | 'request_declined'
  | 'check_in_reminder';

/** One notification for one user; unique per (organization, user, kind, dedupe_key). */
export interface NotificationTable {
  id: string;
  organization_id: string;
  user_id: string;
  kind: NotificationKind;
  /** the ISO week of a check-in reminder, else the id of what caused it */
  dedupe_key: string;
  actor_id: string | null;
  target_type: string | null;
  target_id: string | null;
  plan_id: string | null;
  /** a snapshot of the target's title */
  title: string | null;
  /** JSON text of kind-specific details */
  data: string;
  read_at: string | null;
  created_at: string;
}

/** A person's weekly update (周报) for one ISO week. */
export interface WeeklyUpdateTable {
  id: string;
  organization_id: string;
  user_id: string;
  /** `2026-W48` */
  iso_week: string;
  priorities: string | null;
  next_week: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  version: number;
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
  objectives: ObjectiveTable & ObjectiveLifecycleColumns;
  key_results: KeyResultTable & KeyResultLifecycleColumns;
  actions: ActionTable;
  check_ins: CheckInTable;
  reviews: ReviewTable;
  audit_entries: AuditEntryTable;
  support_requests: SupportRequestTable;
  support_links: SupportLinkTable;
  comments: CommentTable;
  notifications: NotificationTable;
  weekly_updates: WeeklyUpdateTable;
  adjustments: AdjustmentTable;
  plan_versions: PlanVersionTable;
  retrospectives: RetrospectiveTable;
}

export type OrganizationRow = Selectable<OrganizationTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type UnitRow = Selectable<UnitTable>;
export type CycleRow = Selectable<CycleTable>;
export type PlanRow = Selectable<PlanTable>;
export type ObjectiveRow = Selectable<ObjectiveTable & ObjectiveLifecycleColumns>;
export type KeyResultRow = Selectable<KeyResultTable & KeyResultLifecycleColumns>;
export type ActionRow = Selectable<ActionTable>;
export type CheckInRow = Selectable<CheckInTable>;
export type ReviewRow = Selectable<ReviewTable>;
export type AuditEntryRow = Selectable<AuditEntryTable>;
export type AdjustmentRow = Selectable<AdjustmentTable>;
export type PlanVersionRow = Selectable<PlanVersionTable>;
export type RetrospectiveRow = Selectable<RetrospectiveTable>;
export type SupportRequestRow = Selectable<SupportRequestTable>;
export type SupportLinkRow = Selectable<SupportLinkTable>;
export type CommentRow = Selectable<CommentTable>;
export type NotificationRow = Selectable<NotificationTable>;
export type WeeklyUpdateRow = Selectable<WeeklyUpdateTable>;

/** The API's JSON shapes (see src/modules/*\/*.schema.ts and /api/openapi.json). */
import type { Health } from '../lib/health';
import type { Direction, MetricType } from '../lib/progress';

export type { Health, MetricType, Direction };
export type Role = 'admin' | 'member';
export type OwnerType = 'unit' | 'user';
export type PlanState = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'closed';
export type CycleState = 'planning' | 'active' | 'reviewing' | 'closed';
export type CycleKind = 'year' | 'half' | 'quarter' | 'month' | 'custom';
export type ObjectiveKind = 'committed' | 'aspirational';
export type Visibility = 'public' | 'private';
export type ActionState = 'todo' | 'in_progress' | 'done' | 'blocked' | 'cancelled';
export type ProgressSource = 'manual' | 'aligned' | 'actions';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Settings {
  healthThresholds: { atRisk: number; offTrack: number };
  qualityGate: 'off' | 'warn' | 'block';
  adjustmentsNeedApproval: boolean;
  checkInWeekday: number;
  quality: {
    minKeyResultsPerObjective: number;
    maxKeyResultsPerObjective: number;
    maxObjectivesPerPlan: number;
    stretchThreshold: number;
  };
}

export interface Organization {
  id: string;
  name: string;
  locale: string;
  timezone: string;
  settings: Settings;
  createdAt: string;
  version: number;
}

export interface Me {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: string | null;
  organizationId: string;
  organization: Organization;
  unitIds: string[];
  leadsUnitIds: string[];
  csrfToken: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
  active: boolean;
  unitIds?: string[];
  createdAt: string;
  updatedAt?: string;
  version: number;
}

export interface Unit {
  id: string;
  name: string;
  parentId: string | null;
  leaderId: string | null;
  memberIds: string[];
  memberCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface UnitDetail extends Unit {
  members: User[];
  childIds: string[];
}

export interface Cycle {
  id: string;
  name: string;
  kind: CycleKind;
  startDate: string;
  endDate: string;
  parentId: string | null;
  state: CycleState;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CycleSummary {
  id: string;
  name: string;
  state: CycleState;
  startDate: string;
  endDate: string;
  expectedProgress: number;
}

export interface Action {
  id: string;
  planId: string;
  keyResultId: string;
  title: string;
  ownerId: string | null;
  startDate: string | null;
  dueDate: string | null;
  weight: number;
  state: ActionState;
  position: number;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface KeyResult {
  id: string;
  planId: string;
  objectiveId: string;
  title: string;
  metricType: MetricType;
  unit: string | null;
  startValue: number;
  targetValue: number;
  currentValue: number;
  direction: Direction;
  weight: number;
  priority: number;
  ownerId: string | null;
  dueDate: string | null;
  confidence: number | null;
  progressSource: ProgressSource;
  progress: number;
  progressRaw: number;
  health: Health;
  forecast?: number | null;
  score: number | null;
  selfScore?: number | null;
  selfScoreNote?: string | null;
  finalScore?: number | null;
  finalScoreNote?: string | null;
  lastCheckInAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  actions?: Action[];
}

/** GET /key-results?ownerId=&cycleId=: a KR a person answers for, with its objective and plan. */
export interface OwnedKeyResult {
  keyResult: KeyResult;
  objective: {
    id: string;
    title: string;
    priority: number;
    visibility: 'public' | 'private';
  };
  plan: {
    id: string;
    cycleId: string;
    ownerType: 'unit' | 'user';
    ownerId: string;
    ownerName: string | null;
    state: PlanState;
    expectedProgress: number;
  };
  /** owner: the person owns the KR; planWriter: unowned, on a plan the person writes */
  responsibility: 'owner' | 'planWriter';
  lastCheckIn: {
    id: string;
    value: number;
    confidence: number | null;
    note: string | null;
    blockers: string | null;
    authorId: string;
    createdAt: string;
  } | null;
  /** manual, approved plan, active cycle, no check-in since this week's Monday */
  checkInDue: boolean;
}

export type ScoreBand = 'green' | 'yellow' | 'red';

/** A plan's retrospective (复盘). */
export interface Retrospective {
  planId: string;
  wentWell: string;
  wentBadly: string;
  lessons: string;
  carryOver: string;
  author: { id: string; name: string | null };
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Objective {
  id: string;
  planId: string;
  title: string;
  description: string | null;
  kind: ObjectiveKind;
  priority: number;
  weight: number;
  alignedToObjectiveId: string | null;
  alignedToKeyResultId: string | null;
  visibility: Visibility;
  progress: number;
  health: Health;
  lastCheckInAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** in the reviewing phase: the weighted score, its band, and whether it missed */
  score?: number | null;
  scoreBand?: ScoreBand | null;
  miss?: boolean | null;
  keyResults?: KeyResult[];
}

export interface Plan {
  id: string;
  cycleId: string;
  ownerType: OwnerType;
  ownerId: string;
  ownerName: string | null;
  state: PlanState;
  approverId: string | null;
  progress: number;
  expectedProgress: number;
  health: Health;
  lastCheckInAt: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PlanDetail extends Plan {
  score?: number | null;
  scoreBand?: ScoreBand | null;
  objectives: Objective[];
}

export interface Review {
  id: string;
  planId: string;
  decision: 'submitted' | 'approved' | 'changes_requested';
  comment: string | null;
  reviewerId: string;
  reviewerName: string | null;
  createdAt: string;
}

export interface CheckIn {
  id: string;
  planId: string;
  keyResultId: string;
  value: number;
  confidence: number | null;
  note: string | null;
  blockers: string | null;
  authorId: string;
  createdAt: string;
}

export interface CheckInResult {
  checkIn: CheckIn;
  keyResult: KeyResult;
  objective: { id: string; progress: number };
  plan: { id: string; progress: number };
}

export interface AlignmentNode {
  id: string;
  type: 'objective';
  title: string;
  planId: string;
  ownerType: OwnerType;
  ownerId: string;
  ownerName: string | null;
  cycleId: string;
  progress: number;
  health: Health;
  kind: ObjectiveKind;
  visibility: Visibility;
}

export interface AlignmentEdge {
  from: string;
  to: string;
  kind: 'aligned';
  viaKeyResultId?: string;
}

export interface AlignmentMap {
  cycle: CycleSummary;
  nodes: AlignmentNode[];
  edges: AlignmentEdge[];
}

/** GET /cycles/:id/alignment?format=compact: the same map in columns (see the API docs). */
export interface CompactAlignmentMap {
  format: 'compact';
  cycle: CycleSummary;
  cycles: string[];
  healthCodes: Health[];
  plans: {
    id: string[];
    cycle: number[];
    ownerType: OwnerType[];
    ownerId: string[];
    ownerName: (string | null)[];
  };
  nodes: {
    id: string[];
    title: string[];
    plan: number[];
    progress: number[];
    health: number[];
    /** 1: aspirational, 2: private */
    flags: number[];
  };
  edges: { from: number[]; to: number[]; viaKeyResultId: (string | null)[] };
}

/** A cross-department support link (协同): `from` supports `to`. */
export interface SupportLink {
  id: string;
  from: string;
  to: string;
  kind: 'supports';
  fromKeyResultId?: string;
  fromPlanId: string;
  toPlanId: string;
  requestId: string | null;
  createdAt: string;
}

export type HealthCounts = Record<Health, number>;

export interface DashboardUnit {
  unitId: string;
  name: string;
  parentId: string | null;
  depth: number;
  leaderId: string | null;
  planId: string | null;
  progress: number | null;
  health: Health | null;
}

export interface AtRiskKeyResult {
  type: 'keyResult';
  id: string;
  title: string;
  objectiveId: string;
  planId: string;
  ownerType: OwnerType;
  ownerId: string;
  ownerName: string | null;
  progress: number;
  expectedProgress: number;
  health: Health;
  confidence: number | null;
}

export interface Dashboard {
  cycle: CycleSummary;
  unitId: string;
  progress: number;
  expectedProgress: number;
  health: HealthCounts;
  keyResultHealth: HealthCounts;
  units: DashboardUnit[];
  atRisk: AtRiskKeyResult[];
  checkInRate: number;
  plansByState: Record<PlanState, number>;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type CommentTargetType = 'plan' | 'objective' | 'keyResult' | 'checkIn';

/** A comment: plain text, rendered escaped. */
export interface Comment {
  id: string;
  targetType: CommentTargetType;
  targetId: string;
  planId: string;
  body: string;
  mentions: string[];
  authorId: string;
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
  edited: boolean;
  version: number;
}

/** A notification for the signed-in person. */
export interface AppNotification {
  id: string;
  kind: string;
  read: boolean;
  readAt: string | null;
  createdAt: string;
  actorId: string | null;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  planId: string | null;
  title: string | null;
  data: Record<string, unknown>;
}

interface InboxPlanItem {
  planId: string;
  cycleName: string;
  ownerType: OwnerType;
  ownerName: string | null;
  state: PlanState;
  submittedAt: string | null;
}

/** GET /inbox: what waits for me. */
export interface Inbox {
  reviewsWaiting: InboxPlanItem[];
  sentBack: (InboxPlanItem & { comment: string | null; reviewedAt: string | null })[];
  dueCheckIns: {
    keyResultId: string;
    title: string;
    objectiveTitle: string;
    planId: string;
    lastCheckInAt: string | null;
  }[];
  mentions: AppNotification[];
  requests: {
    id: string;
    fromObjectiveTitle: string;
    fromPlanId: string;
    requesterName: string | null;
    toUnitName: string;
    message: string;
  }[];
  pendingAdjustments: {
    adjustmentId: string;
    planId: string;
    targetType: string;
    kind: string;
    reason: string;
    createdAt: string;
  }[];
  unreadNotifications: number;
  /** this week's start (Monday 00:00 in the organization's timezone); KRs with no check-in since are due */
  dueSince: string;
}

export type AdjustmentKind = 'create' | 'update' | 'delete' | 'reorder';
export type AdjustmentStatus = 'applied' | 'pending' | 'accepted' | 'rejected';

/** A change to an approved plan (applied, or waiting for the approver). */
export interface Adjustment {
  id: string;
  planId: string;
  targetType: string;
  targetId: string | null;
  kind: AdjustmentKind;
  reason: string;
  status: AdjustmentStatus;
  actor: { id: string; name: string | null };
  createdAt: string;
  version: number;
}

/** One entry of a plan's history: a review decision or an adjustment. */
export interface HistoryItem {
  type: 'review' | 'adjustment';
  id: string;
  at: string;
  actor: { id: string; name: string | null };
  decision?: 'submitted' | 'approved' | 'changes_requested';
  comment?: string | null;
  kind?: AdjustmentKind;
  targetType?: string;
  reason?: string;
  status?: AdjustmentStatus;
}

/** What changed since a version (default: the last approval). */
export interface PlanDiff {
  from: number;
  to: number | null;
  changes: {
    path: string;
    targetType: 'objective' | 'keyResult';
    targetId: string;
    field: string | null;
    change: 'added' | 'removed' | 'changed';
    before: unknown;
    after: unknown;
  }[];
}

export type RequestState = 'open' | 'accepted' | 'declined' | 'withdrawn';

/** A cross-department request (协同): a unit is asked to support an objective. */
export interface SupportRequest {
  id: string;
  state: RequestState;
  fromObjectiveId: string;
  fromObjectiveTitle: string;
  fromPlanId: string;
  fromOwnerType: OwnerType;
  fromOwnerId: string;
  fromOwnerName: string | null;
  cycleId: string;
  requesterId: string;
  requesterName: string | null;
  toUnitId: string;
  toUnitName: string;
  toUnitLeaderId: string | null;
  message: string;
  neededBy: string | null;
  desiredKeyResult: {
    title: string;
    metricType?: MetricType;
    unit?: string | null;
    startValue?: number;
    targetValue?: number;
    direction?: Direction;
  } | null;
  reason: string | null;
  responderId: string | null;
  respondedAt: string | null;
  createdPlanId: string | null;
  createdObjectiveId: string | null;
  createdKeyResultId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

interface SummaryPlanRef {
  planId: string;
  ownerType: OwnerType;
  ownerId: string;
  ownerName: string | null;
}

export type ScoreBands = Record<ScoreBand, number>;

/** GET /units/:id/cycles/:cycleId/summary: a unit's cycle summary (复盘). */
export interface UnitCycleSummary {
  unit: { id: string; name: string };
  cycle: { id: string; name: string; state: string; startDate: string; endDate: string };
  provisional: boolean;
  plans: { total: number; counted: number; withRetrospective: number };
  averageScore: number | null;
  scoreDistribution: { plans: ScoreBands; objectives: ScoreBands; keyResults: ScoreBands };
  committedMisses: (SummaryPlanRef & { objectiveId: string; title: string; score: number })[];
  checkInDiscipline: { keyResultWeeks: number; withCheckIn: number; share: number | null };
  biggestAdjustments: {
    byCount: (SummaryPlanRef & { count: number })[];
    byTargetChange: (SummaryPlanRef & {
      adjustmentId: string;
      keyResultId: string | null;
      title: string;
      before: number;
      after: number;
      relativeChange: number;
      reason: string;
      status: string;
      at: string;
    })[];
  };
}

/** POST /plans/:id/carry-over */
export interface CarryOverResult {
  plan: PlanDetail;
  createdPlan: boolean;
  carried: {
    objectives: { id: string; carriedFromObjectiveId: string }[];
    keyResults: { id: string; carriedFromKeyResultId: string }[];
  };
  alreadyCarried: string[];
}

/** One version of a plan: at each approval and each applied adjustment. */
export interface PlanVersion {
  number: number;
  cause: 'approval' | 'adjustment';
  adjustmentId: string | null;
  actor: { id: string; name: string | null } | null;
  createdAt: string;
}

export interface KeyResultSnapshot {
  id: string;
  title: string;
  metricType: string;
  unit: string | null;
  startValue: number;
  targetValue: number;
  direction: string;
  weight: number;
  priority: number;
  ownerId: string | null;
  dueDate: string | null;
  progressSource: string;
}

export interface ObjectiveSnapshot {
  id: string;
  title: string;
  description: string | null;
  kind: string;
  priority: number;
  weight: number;
  alignedToObjectiveId: string | null;
  alignedToKeyResultId: string | null;
  visibility: string;
  keyResults: KeyResultSnapshot[];
}

export interface PlanVersionDetail extends PlanVersion {
  objectives: ObjectiveSnapshot[];
}

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
  lastCheckInAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  actions?: Action[];
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

/** Typed calls of the v1 API, one per endpoint the UI uses. */
import { api, ApiError, getAll, ifMatch } from './client';
import type {
  Action,
  Adjustment,
  AppNotification,
  AlignmentMap,
  CarryOverResult,
  ApiToken,
  CheckIn,
  CheckInResult,
  Comment,
  CompactAlignmentMap,
  CommentTargetType,
  Cycle,
  Dashboard,
  HistoryItem,
  Inbox,
  KeyResult,
  Me,
  Objective,
  Organization,
  OwnedKeyResult,
  Page,
  Plan,
  PlanDetail,
  PlanDiff,
  PlanState,
  PlanVersion,
  PlanVersionDetail,
  RequestState,
  Retrospective,
  Review,
  SupportLink,
  SupportRequest,
  Unit,
  UnitCycleSummary,
  UnitDetail,
  User,
} from './types';

export const auth = {
  login: (email: string, password: string) =>
    api.post<{ user: User; organization: Organization; csrfToken: string }>(
      '/auth/login',
      { email, password },
      { allowUnauthenticated: true },
    ),
  logout: () => api.post<void>('/auth/logout'),
  me: () => api.get<Me>('/me', { allowUnauthenticated: true }),
  tokens: () => api.get<{ items: ApiToken[] }>('/me/tokens'),
  createToken: (name: string) =>
    api.post<{ id: string; name: string; token: string; createdAt: string }>('/me/tokens', {
      name,
    }),
  revokeToken: (id: string) => api.delete(`/me/tokens/${id}`),
};

export const organization = {
  get: () => api.get<Organization>('/organization'),
  update: (
    body: Partial<Pick<Organization, 'name' | 'locale' | 'timezone'>> & { settings?: unknown },
    version: number,
  ) => api.patch<Organization>('/organization', body, { headers: ifMatch(version) }),
};

export const users = {
  list: (query: { q?: string; unitId?: string; active?: boolean } = {}) =>
    getAll<User>('/users', query),
  get: (id: string) => api.get<User>(`/users/${id}`),
  create: (body: {
    email: string;
    name: string;
    role: 'admin' | 'member';
    password?: string;
    locale?: string | null;
    unitIds?: string[];
  }) => api.post<User>('/users', body),
  update: (
    id: string,
    body: Partial<{
      email: string;
      name: string;
      role: string;
      locale: string | null;
      active: boolean;
      password: string;
      currentPassword: string;
      unitIds: string[];
    }>,
    version?: number,
  ) =>
    api.patch<User>(
      `/users/${id}`,
      body,
      version !== undefined ? { headers: ifMatch(version) } : {},
    ),
};

export const units = {
  list: () => getAll<Unit>('/units'),
  get: (id: string) => api.get<UnitDetail>(`/units/${id}`),
  create: (body: { name: string; parentId: string; leaderId?: string | null }) =>
    api.post<UnitDetail>('/units', body),
  update: (
    id: string,
    body: { name?: string; parentId?: string | null; leaderId?: string | null },
    version: number,
  ) => api.patch<UnitDetail>(`/units/${id}`, body, { headers: ifMatch(version) }),
  remove: (id: string, version: number) =>
    api.delete(`/units/${id}`, { headers: ifMatch(version) }),
  addMember: (id: string, userId: string) => api.post<void>(`/units/${id}/members/${userId}`),
  removeMember: (id: string, userId: string) => api.delete(`/units/${id}/members/${userId}`),
};

export const cycles = {
  list: () => getAll<Cycle>('/cycles'),
  create: (body: {
    name: string;
    kind?: string;
    startDate: string;
    endDate: string;
    parentId?: string | null;
    state?: string;
  }) => api.post<Cycle>('/cycles', body),
  update: (
    id: string,
    body: Partial<Pick<Cycle, 'name' | 'kind' | 'startDate' | 'endDate' | 'parentId' | 'state'>>,
    version: number,
  ) => api.patch<Cycle>(`/cycles/${id}`, body, { headers: ifMatch(version) }),
  dashboard: (id: string, unitId?: string) =>
    api.get<Dashboard>(`/cycles/${id}/dashboard`, { query: { unitId } }),
  alignment: (id: string, unitId?: string) =>
    api.get<AlignmentMap>(`/cycles/${id}/alignment`, { query: { unitId } }),
  /** the map in columns: a third of the bytes for a whole cycle */
  alignmentCompact: (id: string, unitId?: string) =>
    api.get<CompactAlignmentMap>(`/cycles/${id}/alignment`, {
      query: { unitId, format: 'compact' },
    }),
  supportLinks: (id: string) =>
    api.get<{ items: SupportLink[] }>(`/cycles/${id}/support-links`).then((r) => r.items),
};

export interface PlanQuery {
  cycleId?: string;
  ownerType?: 'unit' | 'user';
  ownerId?: string;
  state?: PlanState;
  approverId?: string;
}

export const plans = {
  list: (query: PlanQuery) => getAll<Plan>('/plans', { ...query }),
  get: (id: string) => api.get<PlanDetail>(`/plans/${id}`),
  create: (body: { cycleId: string; ownerType: 'unit' | 'user'; ownerId: string }) =>
    api.post<Plan>('/plans', body),
  remove: (id: string, version: number) =>
    api.delete(`/plans/${id}`, { headers: ifMatch(version) }),
  submit: (id: string, version: number) =>
    api.post<Plan>(`/plans/${id}/submit`, {}, { headers: ifMatch(version) }),
  approve: (id: string, version: number, comment?: string) =>
    api.post<Plan>(`/plans/${id}/approve`, comment ? { comment } : {}, {
      headers: ifMatch(version),
    }),
  requestChanges: (id: string, version: number, comment: string) =>
    api.post<Plan>(`/plans/${id}/request-changes`, { comment }, { headers: ifMatch(version) }),
  reviews: (id: string) => api.get<Page<Review>>(`/plans/${id}/reviews`),
  reorder: (id: string, objectiveIds: string[], reason?: string) =>
    api.post<{ items: Objective[] }>(`/plans/${id}/reorder`, {
      objectiveIds,
      ...(reason ? { reason } : {}),
    }),
};

export interface ObjectiveInput {
  title: string;
  description?: string | null;
  kind?: 'committed' | 'aspirational';
  priority?: number;
  weight: number;
  alignedToObjectiveId?: string | null;
  alignedToKeyResultId?: string | null;
  visibility?: 'public' | 'private';
  reason?: string;
}

export const objectives = {
  create: (planId: string, body: ObjectiveInput) =>
    api.post<Objective>(`/plans/${planId}/objectives`, body),
  get: (id: string) => api.get<Objective>(`/objectives/${id}`),
  update: (id: string, body: Partial<ObjectiveInput>, version: number) =>
    api.patch<Objective>(`/objectives/${id}`, body, { headers: ifMatch(version) }),
  remove: (id: string, version: number, reason?: string) =>
    api.delete(`/objectives/${id}`, { headers: ifMatch(version), query: { reason } }),
  reorderKeyResults: (id: string, keyResultIds: string[], reason?: string) =>
    api.post<{ items: KeyResult[] }>(`/objectives/${id}/reorder`, {
      keyResultIds,
      ...(reason ? { reason } : {}),
    }),
};

export interface KeyResultInput {
  title: string;
  metricType: 'number' | 'percent' | 'currency' | 'boolean';
  unit?: string | null;
  startValue?: number;
  targetValue?: number;
  direction?: 'increase' | 'decrease';
  weight: number;
  priority?: number;
  ownerId?: string | null;
  dueDate?: string | null;
  progressSource?: 'manual' | 'aligned' | 'actions';
  reason?: string;
}

export const keyResults = {
  create: (objectiveId: string, body: KeyResultInput) =>
    api.post<KeyResult>(`/objectives/${objectiveId}/key-results`, body),
  get: (id: string) => api.get<KeyResult>(`/key-results/${id}`),
  /** every KR the person (`me` or a user id) answers for in the cycle, on any plan */
  ownedBy: (ownerId: string, cycleId: string) =>
    getAll<OwnedKeyResult>('/key-results', { ownerId, cycleId }),
  update: (id: string, body: Partial<KeyResultInput>, version: number) =>
    api.patch<KeyResult>(`/key-results/${id}`, body, { headers: ifMatch(version) }),
  remove: (id: string, version: number, reason?: string) =>
    api.delete(`/key-results/${id}`, { headers: ifMatch(version), query: { reason } }),
  checkIns: (id: string) => getAll<CheckIn>(`/key-results/${id}/check-ins`),
  checkIn: (
    id: string,
    body: { value: number; confidence?: number; note?: string; blockers?: string },
    idempotencyKey: string,
  ) =>
    api.post<CheckInResult>(`/key-results/${id}/check-ins`, body, {
      headers: { 'idempotency-key': idempotencyKey },
    }),
};

export interface ActionInput {
  title: string;
  ownerId?: string | null;
  startDate?: string | null;
  dueDate?: string | null;
  weight?: number;
  state?: 'todo' | 'in_progress' | 'done' | 'blocked' | 'cancelled';
  reason?: string;
}

export const actions = {
  create: (keyResultId: string, body: ActionInput) =>
    api.post<Action>(`/key-results/${keyResultId}/actions`, body),
  update: (id: string, body: Partial<ActionInput>, version: number) =>
    api.patch<Action>(`/actions/${id}`, body, { headers: ifMatch(version) }),
  remove: (id: string, version: number, reason?: string) =>
    api.delete(`/actions/${id}`, { headers: ifMatch(version), query: { reason } }),
};

export interface QualityFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  target: { type: 'plan' | 'objective' | 'keyResult'; id: string };
  message: string;
  suggestion: string;
}

export interface ParsedKeyResult {
  metricType?: 'number' | 'percent' | 'currency' | 'boolean';
  unit?: string;
  startValue?: number;
  targetValue?: number;
  direction?: 'increase' | 'decrease';
  confidence: number;
}

export const quality = {
  plan: (planId: string, locale: string) =>
    api.get<{ score: number; findings: QualityFinding[] }>(`/plans/${planId}/quality`, {
      query: { locale },
    }),
  parseKeyResult: (title: string, locale: string) =>
    api.post<ParsedKeyResult>('/quality/parse-key-result', { title, locale }),
};

export const scoring = {
  /** self (KR owner, plan writers) or final (approver, admin) score 0–1 in the reviewing phase */
  score: (id: string, body: { score: number; note?: string; kind?: 'self' | 'final' }) =>
    api.put<KeyResult>(`/key-results/${id}/score`, body),
  close: (planId: string, version: number) =>
    api.post<PlanDetail>(`/plans/${planId}/close`, {}, { headers: ifMatch(version) }),
};

export type RetrospectiveInput = Pick<
  Retrospective,
  'wentWell' | 'wentBadly' | 'lessons' | 'carryOver'
>;

export const retrospectives = {
  /** the plan's retrospective, or null until one is written */
  get: async (planId: string): Promise<Retrospective | null> => {
    try {
      return await api.get<Retrospective>(`/plans/${planId}/retrospective`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  },
  put: (planId: string, body: RetrospectiveInput, version?: number) =>
    api.put<Retrospective>(
      `/plans/${planId}/retrospective`,
      body,
      version !== undefined ? { headers: ifMatch(version) } : {},
    ),
};

export const comments = {
  list: (targetType: CommentTargetType, targetId: string) =>
    getAll<Comment>('/comments', { targetType, targetId }),
  /** `mentions`: user ids of the people mentioned in the body (notified once each) */
  create: (targetType: CommentTargetType, targetId: string, body: string, mentions?: string[]) =>
    api.post<Comment>('/comments', {
      targetType,
      targetId,
      body,
      ...(mentions ? { mentions } : {}),
    }),
  update: (id: string, body: string, version: number, mentions?: string[]) =>
    api.patch<Comment>(
      `/comments/${id}`,
      { body, ...(mentions ? { mentions } : {}) },
      { headers: ifMatch(version) },
    ),
  remove: (id: string, version: number) =>
    api.delete(`/comments/${id}`, { headers: ifMatch(version) }),
};

export const inbox = {
  get: () => api.get<Inbox>('/inbox'),
  unread: () =>
    api.get<Page<AppNotification>>('/notifications', { query: { unread: true, limit: 20 } }),
  markRead: (id: string) => api.post<AppNotification>(`/notifications/${id}/read`),
  markAllRead: () => api.post<unknown>('/notifications/read-all'),
};

export const adjustments = {
  pending: (planId: string) =>
    api.get<Page<Adjustment>>(`/plans/${planId}/adjustments`, { query: { status: 'pending' } }),
  accept: (id: string, version: number) =>
    api.post<unknown>(`/adjustments/${id}/accept`, {}, { headers: ifMatch(version) }),
  reject: (id: string, version: number, comment: string) =>
    api.post<unknown>(`/adjustments/${id}/reject`, { comment }, { headers: ifMatch(version) }),
  history: (planId: string) => api.get<Page<HistoryItem>>(`/plans/${planId}/history`),
  /** the changes since the last approval, or null before any approval */
  diff: async (planId: string): Promise<PlanDiff | null> => {
    try {
      return await api.get<PlanDiff>(`/plans/${planId}/diff`);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 409 || e.status === 404)) return null;
      throw e;
    }
  },
};

/** Plan versions (one per approval and applied adjustment) and diffs between them. */
export const versions = {
  list: (planId: string) => getAll<PlanVersion>(`/plans/${planId}/versions`),
  get: (planId: string, n: number) => api.get<PlanVersionDetail>(`/plans/${planId}/versions/${n}`),
  /** from version `from` to version `to` (or the current plan when `to` is undefined) */
  diff: (planId: string, from: number, to?: number) =>
    api.get<PlanDiff>(`/plans/${planId}/diff`, { query: { from, to } }),
};

export interface CreateRequestInput {
  fromObjectiveId: string;
  toUnitId: string;
  message: string;
  neededBy?: string;
  desiredKeyResult?: { title: string };
}

export interface AcceptRequestInput {
  as: 'objective' | 'keyResult';
  objectiveId?: string;
  title?: string;
  reason?: string;
}

/** Cross-department requests (协同). */
export const requests = {
  list: (direction: 'incoming' | 'outgoing', state?: RequestState) =>
    getAll<SupportRequest>('/requests', { direction, state }),
  get: (id: string) => api.get<SupportRequest>(`/requests/${id}`),
  create: (body: CreateRequestInput) => api.post<SupportRequest>('/requests', body),
  accept: (id: string, version: number, body: AcceptRequestInput) =>
    api.post<SupportRequest>(`/requests/${id}/accept`, body, { headers: ifMatch(version) }),
  decline: (id: string, version: number, reason: string) =>
    api.post<SupportRequest>(`/requests/${id}/decline`, { reason }, { headers: ifMatch(version) }),
  withdraw: (id: string, version: number, reason?: string) =>
    api.post<SupportRequest>(`/requests/${id}/withdraw`, reason ? { reason } : {}, {
      headers: ifMatch(version),
    }),
};

/** The unit's cycle summary and carry-over into a later cycle. */
export const review = {
  unitSummary: (unitId: string, cycleId: string) =>
    api.get<UnitCycleSummary>(`/units/${unitId}/cycles/${cycleId}/summary`),
  carryOver: (
    planId: string,
    body: { toCycleId: string; objectiveIds?: string[]; keyResultIds?: string[] },
  ) => api.post<CarryOverResult>(`/plans/${planId}/carry-over`, body),
};

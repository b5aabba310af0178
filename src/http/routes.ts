/** Every route plugin of the v1 API and the schemas they share by $id. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import type { AppContext } from '../context.js';
import { actionRoutes } from '../modules/actions/actions.routes.js';
import { adjustmentRoutes } from '../modules/adjustments/adjustments.routes.js';
import {
  AdjustmentSchema,
  HistoryItemSchema,
  PlanDiffSchema,
  PlanVersionDetailSchema,
  PlanVersionSchema,
} from '../modules/adjustments/adjustments.schema.js';
import { retrospectiveRoutes } from '../modules/retrospectives/retrospectives.routes.js';
import {
  CarryOverResultSchema,
  RetrospectiveSchema,
  UnitCycleSummarySchema,
} from '../modules/retrospectives/retrospectives.schema.js';
import { scoringRoutes } from '../modules/scoring/scoring.routes.js';
import { ActionSchema } from '../modules/actions/actions.schema.js';
import { checkInRoutes } from '../modules/check-ins/check-ins.routes.js';
import { commentRoutes } from '../modules/comments/comments.routes.js';
import { CommentSchema } from '../modules/comments/comments.schema.js';
import { notificationRoutes } from '../modules/notifications/notifications.routes.js';
import { NotificationSchema } from '../modules/notifications/notifications.schema.js';
import { requestRoutes } from '../modules/requests/requests.routes.js';
import { SupportRequestSchema } from '../modules/requests/requests.schema.js';
import { weeklyRoutes } from '../modules/weekly/weekly.routes.js';
import { WeeklyUpdateSchema } from '../modules/weekly/weekly.schema.js';
import { CheckInResultSchema, CheckInSchema } from '../modules/check-ins/check-ins.schema.js';
import { keyResultRoutes } from '../modules/key-results/key-results.routes.js';
import {
  KeyResultSchema,
  OwnedKeyResultSchema,
} from '../modules/key-results/key-results.schema.js';
import { objectiveRoutes } from '../modules/objectives/objectives.routes.js';
import { ObjectiveSchema } from '../modules/objectives/objectives.schema.js';
import { planRoutes } from '../modules/plans/plans.routes.js';
import { PlanDetailSchema, PlanSchema, ReviewSchema } from '../modules/plans/plans.schema.js';
import { alignmentRoutes } from '../modules/alignment/alignment.routes.js';
import { CycleSummarySchema } from '../modules/alignment/alignment.schema.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { cyclesRoutes } from '../modules/cycles/cycles.routes.js';
import { CycleSchema } from '../modules/cycles/cycles.schema.js';
import { dashboardRoutes } from '../modules/dashboard/dashboard.routes.js';
import { healthRoutes } from '../modules/health/health.routes.js';
import { organizationRoutes } from '../modules/organizations/organizations.routes.js';
import { OrganizationSchema } from '../modules/organizations/organizations.schema.js';
import { qualityRoutes } from '../modules/quality/quality.routes.js';
import { QualityReportSchema } from '../modules/quality/quality.schema.js';
import { unitsRoutes } from '../modules/units/units.routes.js';
import { UnitDetailSchema, UnitSchema } from '../modules/units/units.schema.js';
import { usersRoutes } from '../modules/users/users.routes.js';
import { UserSchema } from '../modules/users/users.schema.js';

export type ApiRoutes = FastifyPluginAsyncTypebox<{ ctx: AppContext }>;

export const sharedSchemas: TSchema[] = [
  UserSchema,
  OrganizationSchema,
  UnitSchema,
  UnitDetailSchema,
  CycleSchema,
  CycleSummarySchema,
  ActionSchema,
  KeyResultSchema,
  OwnedKeyResultSchema,
  ObjectiveSchema,
  PlanSchema,
  PlanDetailSchema,
  QualityReportSchema,
  ReviewSchema,
  CheckInSchema,
  CheckInResultSchema,
  SupportRequestSchema,
  CommentSchema,
  NotificationSchema,
  WeeklyUpdateSchema,
  AdjustmentSchema,
  HistoryItemSchema,
  PlanVersionSchema,
  PlanVersionDetailSchema,
  PlanDiffSchema,
  RetrospectiveSchema,
  UnitCycleSummarySchema,
  CarryOverResultSchema,
];

export const apiRoutes: ApiRoutes[] = [
  healthRoutes,
  authRoutes,
  organizationRoutes,
  usersRoutes,
  unitsRoutes,
  cyclesRoutes,
  planRoutes,
  objectiveRoutes,
  keyResultRoutes,
  actionRoutes,
  checkInRoutes,
  alignmentRoutes,
  dashboardRoutes,
  auditRoutes,
  requestRoutes,
  commentRoutes,
  notificationRoutes,
  weeklyRoutes,
  qualityRoutes,
  adjustmentRoutes,
  scoringRoutes,
  retrospectiveRoutes,
];

/**
 * The permission matrix of the v1 API: every route × {anonymous, member, owner, the unit's leader,
 * a peer unit's leader, the parent unit's leader, admin, another organization's admin}.
 *
 * The expected statuses are the table MATRIX (data); REQUESTS says how each row is sent, building
 * a fresh fixture per cell when the route changes something. Besides the status, every cell checks:
 * - another organization never sees an id of the first one (lists give only its own data);
 * - actors who may not read a private objective never see its id or title, its KRs' either;
 * - a 404 reads exactly like the 404 (or 422) for an id that does not exist: no existence oracle;
 * - a refused request writes no audit entry.
 */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../src/context.js';
import { ProblemSchema } from '../../src/http/problem.js';
import { sharedSchemas } from '../../src/http/routes.js';
import { actionRoutes } from '../../src/modules/actions/actions.routes.js';
import { alignmentRoutes } from '../../src/modules/alignment/alignment.routes.js';
import { auditRoutes } from '../../src/modules/audit/audit.routes.js';
import { authRoutes } from '../../src/modules/auth/auth.routes.js';
import { checkInRoutes } from '../../src/modules/check-ins/check-ins.routes.js';
import { cyclesRoutes } from '../../src/modules/cycles/cycles.routes.js';
import { dashboardRoutes } from '../../src/modules/dashboard/dashboard.routes.js';
import { healthRoutes } from '../../src/modules/health/health.routes.js';
import { keyResultRoutes } from '../../src/modules/key-results/key-results.routes.js';
import { objectiveRoutes } from '../../src/modules/objectives/objectives.routes.js';
import { organizationRoutes } from '../../src/modules/organizations/organizations.routes.js';
import { planRoutes } from '../../src/modules/plans/plans.routes.js';
import { unitsRoutes } from '../../src/modules/units/units.routes.js';
import { usersRoutes } from '../../src/modules/users/users.routes.js';
import { useTestApp, type Client, type Response } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import {
  ACTORS,
  buildWorld,
  clientOf,
  freshAction,
  freshCycle,
  freshPlan,
  freshPlanInReview,
  freshUnit,
  PRIVATE_READERS,
  uniq,
  type ActorName,
  type World,
} from '../helpers/permission-world.js';

/**
 * Expected status per route (and target, after " · ") and actor.
 * Columns: anonymous, member (a peer of the owner in 市场部), owner (of the user plan), leader
 * (of 市场部), peerLeader (of 销售部), parentLeader (of 商业部门), admin, otherAdmin (organization B).
 */
// prettier-ignore
const MATRIX: ReadonlyArray<readonly [string, ...number[]]> = [
  //                                                                   anon mem  own  lead peer par  adm  other
  ['GET /health',                                                      200, 200, 200, 200, 200, 200, 200, 200],
  ['POST /auth/login',                                                 200, 200, 200, 200, 200, 200, 200, 200],
  ['POST /auth/logout',                                                401, 204, 204, 204, 204, 204, 204, 204],
  ['GET /me',                                                          401, 200, 200, 200, 200, 200, 200, 200],
  ['GET /me/tokens',                                                   401, 200, 200, 200, 200, 200, 200, 200],
  ['POST /me/tokens',                                                  401, 201, 201, 201, 201, 201, 201, 201],
  ["DELETE /me/tokens/:id · the owner's token",                        401, 404, 204, 404, 404, 404, 404, 404],
  ['GET /users',                                                       401, 200, 200, 200, 200, 200, 200, 200],
  ['GET /users/:id',                                                   401, 200, 200, 200, 200, 200, 200, 404],
  ['POST /users',                                                      401, 403, 403, 403, 403, 403, 201, 201],
  ['PATCH /users/:id · the owner',                                     401, 403, 200, 403, 403, 403, 200, 404],
  ['GET /units',                                                       401, 200, 200, 200, 200, 200, 200, 200],
  ['GET /units/:id',                                                   401, 200, 200, 200, 200, 200, 200, 404],
  ['POST /units · under 市场部',                                       401, 403, 403, 403, 403, 403, 201, 422],
  ['PATCH /units/:id',                                                 401, 403, 403, 403, 403, 403, 200, 404],
  ['DELETE /units/:id',                                                401, 403, 403, 403, 403, 403, 204, 404],
  ['POST /units/:id/members/:userId',                                  401, 403, 403, 403, 403, 403, 204, 404],
  ['DELETE /units/:id/members/:userId',                                401, 403, 403, 403, 403, 403, 204, 404],
  ['GET /cycles',                                                      401, 200, 200, 200, 200, 200, 200, 200],
  ['GET /cycles/:id',                                                  401, 200, 200, 200, 200, 200, 200, 404],
  ['POST /cycles',                                                     401, 403, 403, 403, 403, 403, 201, 201],
  ['PATCH /cycles/:id',                                                401, 403, 403, 403, 403, 403, 200, 404],
  ['GET /organization',                                                401, 200, 200, 200, 200, 200, 200, 200],
  ['PATCH /organization',                                              401, 403, 403, 403, 403, 403, 200, 200],
  ['GET /plans · ?cycleId= of A',                                      401, 200, 200, 200, 200, 200, 200, 200],
  ['POST /plans · user plan',                                          401, 403, 201, 201, 403, 201, 201, 404],
  ['POST /plans · unit plan',                                          401, 403, 403, 201, 403, 201, 201, 404],
  ['GET /plans/:id · user plan',                                       401, 200, 200, 200, 200, 200, 200, 404],
  ['GET /plans/:id · unit plan',                                       401, 200, 200, 200, 200, 200, 200, 404],
  ['DELETE /plans/:id · user plan',                                    401, 403, 204, 403, 403, 403, 204, 404],
  ['DELETE /plans/:id · unit plan',                                    401, 403, 403, 204, 403, 403, 204, 404],
  ['POST /plans/:id/submit · user plan',                               401, 403, 200, 403, 403, 403, 200, 404],
  ['POST /plans/:id/submit · unit plan',                               401, 403, 403, 200, 403, 403, 200, 404],
  ['POST /plans/:id/approve · user plan',                              401, 403, 403, 200, 403, 403, 200, 404],
  ['POST /plans/:id/approve · unit plan',                              401, 403, 403, 403, 403, 200, 200, 404],
  ['POST /plans/:id/request-changes · user plan',                      401, 403, 403, 200, 403, 403, 200, 404],
  ['POST /plans/:id/request-changes · unit plan',                      401, 403, 403, 403, 403, 200, 200, 404],
  ['GET /plans/:id/reviews',                                           401, 200, 200, 200, 200, 200, 200, 404],
  ['POST /plans/:id/objectives · user plan',                           401, 403, 201, 403, 403, 403, 201, 404],
  ['POST /plans/:id/objectives · unit plan',                           401, 403, 403, 201, 403, 403, 201, 404],
  ['POST /plans/:id/reorder · user plan',                              401, 403, 200, 403, 403, 403, 200, 404],
  ['POST /plans/:id/reorder · unit plan',                              401, 403, 403, 200, 403, 403, 200, 404],
  ['GET /objectives/:id · public',                                     401, 200, 200, 200, 200, 200, 200, 404],
  ['GET /objectives/:id · private',                                    401, 404, 200, 200, 404, 200, 200, 404],
  ['PATCH /objectives/:id · public, user plan',                        401, 403, 200, 403, 403, 403, 200, 404],
  ['PATCH /objectives/:id · private, user plan',                       401, 404, 200, 403, 404, 403, 200, 404],
  ['PATCH /objectives/:id · unit plan',                                401, 403, 403, 200, 403, 403, 200, 404],
  ['DELETE /objectives/:id · public, user plan',                       401, 403, 204, 403, 403, 403, 204, 404],
  ['DELETE /objectives/:id · private, user plan',                      401, 404, 204, 403, 404, 403, 204, 404],
  ['POST /objectives/:id/key-results · user plan',                     401, 403, 201, 403, 403, 403, 201, 404],
  ['POST /objectives/:id/key-results · unit plan',                     401, 403, 403, 201, 403, 403, 201, 404],
  ['POST /objectives/:id/reorder · user plan',                         401, 403, 200, 403, 403, 403, 200, 404],
  ['GET /key-results · ?ownerId=me&cycleId= of A',                     401, 200, 200, 200, 200, 200, 200, 404],
  ['GET /key-results · ?ownerId= the owner',                           401, 200, 200, 200, 200, 200, 200, 404],
  ['GET /key-results/:id · public',                                    401, 200, 200, 200, 200, 200, 200, 404],
  ['GET /key-results/:id · private objective',                         401, 404, 200, 200, 404, 200, 200, 404],
  ['PATCH /key-results/:id · user plan',                               401, 403, 200, 403, 403, 403, 200, 404],
  ['PATCH /key-results/:id · unit plan, KR owned by the owner',        401, 403, 403, 200, 403, 403, 200, 404],
  ['DELETE /key-results/:id · user plan',                              401, 403, 204, 403, 403, 403, 204, 404],
  ['POST /key-results/:id/actions · user plan',                        401, 403, 201, 403, 403, 403, 201, 404],
  ['POST /key-results/:id/actions · unit plan, KR owned by the owner', 401, 403, 201, 201, 403, 403, 201, 404],
  ['POST /key-results/:id/actions · private objective',                401, 404, 201, 403, 404, 403, 201, 404],
  ['PATCH /actions/:id · user plan',                                   401, 403, 200, 403, 403, 403, 200, 404],
  ['PATCH /actions/:id · unit plan, action owned by the member',       401, 200, 403, 200, 403, 403, 200, 404],
  ['DELETE /actions/:id · user plan',                                  401, 403, 204, 403, 403, 403, 204, 404],
  ['DELETE /actions/:id · unit plan, action owned by the member',      401, 204, 403, 204, 403, 403, 204, 404],
  ['POST /key-results/:id/check-ins · user plan',                      401, 403, 201, 403, 403, 403, 201, 404],
  ['POST /key-results/:id/check-ins · unit plan, KR owned by the owner', 401, 403, 201, 201, 403, 403, 201, 404],
  ['POST /key-results/:id/check-ins · private objective',              401, 404, 201, 403, 404, 403, 201, 404],
  ['GET /key-results/:id/check-ins · public',                          401, 200, 200, 200, 200, 200, 200, 404],
  ['GET /key-results/:id/check-ins · private objective',               401, 404, 200, 200, 404, 200, 200, 404],
  ['GET /cycles/:id/alignment',                                        401, 200, 200, 200, 200, 200, 200, 404],
  ['GET /cycles/:id/alignment · ?unitId=市场部',                        401, 200, 200, 200, 200, 200, 200, 404],
  ['GET /cycles/:id/dashboard',                                        401, 200, 200, 200, 200, 200, 200, 404],
  ['GET /cycles/:id/dashboard · ?unitId=市场部',                        401, 200, 200, 200, 200, 200, 200, 404],
  ['GET /audit',                                                       401, 403, 403, 403, 403, 403, 200, 200],
];

interface Req {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
}

/** How each row is sent; called once per cell, so a row that changes something gets a fresh fixture. */
type Build = (w: World, actor: ActorName) => Promise<Req>;

const get = (url: string): Req => ({ method: 'GET', url });
const post = (url: string, body: unknown = {}): Req => ({ method: 'POST', url, body });
const patch = (url: string, body: unknown): Req => ({ method: 'PATCH', url, body });
const del = (url: string): Req => ({ method: 'DELETE', url });

/** the public objective of a fresh plan and its KRs */
const publicOf = (p: Awaited<ReturnType<typeof freshPlan>>) => p.objectives[0]!;
/** the private objective of a fresh plan and its KR */
const privateOf = (p: Awaited<ReturnType<typeof freshPlan>>) => p.objectives[1]!;

const newKeyResult = () => ({
  title: uniq('KR'),
  metricType: 'number',
  startValue: 0,
  targetValue: 10,
  weight: 0,
});

const REQUESTS: Record<string, Build> = {
  'GET /health': async () => get('/health'),
  'POST /auth/login': async (w) =>
    post('/auth/login', { email: w.loginUser.email, password: w.loginUser.password }),
  'POST /auth/logout': async () => post('/auth/logout'),
  'GET /me': async () => get('/me'),
  'GET /me/tokens': async () => get('/me/tokens'),
  'POST /me/tokens': async () => post('/me/tokens', { name: uniq('token') }),
  "DELETE /me/tokens/:id · the owner's token": async (w) => {
    const res = await w.users.owner.api.post('/me/tokens', { name: uniq('token') });
    w.idsOfA.add(res.body.id);
    return del(`/me/tokens/${res.body.id}`);
  },
  'GET /users': async () => get('/users'),
  'GET /users/:id': async (w) => get(`/users/${w.users.owner.id}`),
  'POST /users': async () =>
    post('/users', { email: `${uniq('new')}@example.test`, name: uniq('New'), role: 'member' }),
  'PATCH /users/:id · the owner': async (w) =>
    patch(`/users/${w.users.owner.id}`, { locale: 'zh-CN' }),
  'GET /units': async () => get('/units'),
  'GET /units/:id': async (w) => get(`/units/${w.mktId}`),
  'POST /units · under 市场部': async (w) =>
    post('/units', { name: uniq('new team'), parentId: w.mktId }),
  'PATCH /units/:id': async (w) => patch(`/units/${await freshUnit(w)}`, { name: uniq('renamed') }),
  'DELETE /units/:id': async (w) => del(`/units/${await freshUnit(w)}`),
  'POST /units/:id/members/:userId': async (w) =>
    post(`/units/${await freshUnit(w)}/members/${w.users.member.id}`),
  'DELETE /units/:id/members/:userId': async (w) =>
    del(`/units/${await freshUnit(w, w.users.member.id)}/members/${w.users.member.id}`),
  'GET /cycles': async () => get('/cycles'),
  'GET /cycles/:id': async (w) => get(`/cycles/${w.cycleId}`),
  'POST /cycles': async () =>
    post('/cycles', { name: uniq('2027 Q1'), startDate: '2027-01-01', endDate: '2027-03-31' }),
  'PATCH /cycles/:id': async (w) => patch(`/cycles/${await freshCycle(w)}`, { name: uniq('c') }),
  'GET /organization': async () => get('/organization'),
  'PATCH /organization': async () => patch('/organization', { locale: 'zh-CN' }),
  'GET /plans · ?cycleId= of A': async (w) => get(`/plans?cycleId=${w.cycleId}`),
  'POST /plans · user plan': async (w) =>
    post('/plans', { cycleId: await freshCycle(w), ownerType: 'user', ownerId: w.users.owner.id }),
  'POST /plans · unit plan': async (w) =>
    post('/plans', { cycleId: await freshCycle(w), ownerType: 'unit', ownerId: w.mktId }),
  'GET /plans/:id · user plan': async (w) => get(`/plans/${w.ownerPlan.planId}`),
  'GET /plans/:id · unit plan': async (w) => get(`/plans/${w.mktPlan.planId}`),
  'DELETE /plans/:id · user plan': async (w) =>
    del(`/plans/${(await freshPlan(w, 'user')).planId}`),
  'DELETE /plans/:id · unit plan': async (w) =>
    del(`/plans/${(await freshPlan(w, 'unit')).planId}`),
  'POST /plans/:id/submit · user plan': async (w) =>
    post(`/plans/${(await freshPlan(w, 'user')).planId}/submit`),
  'POST /plans/:id/submit · unit plan': async (w) =>
    post(`/plans/${(await freshPlan(w, 'unit')).planId}/submit`),
  'POST /plans/:id/approve · user plan': async (w) =>
    post(`/plans/${(await freshPlanInReview(w, 'user')).planId}/approve`, { comment: '同意' }),
  'POST /plans/:id/approve · unit plan': async (w) =>
    post(`/plans/${(await freshPlanInReview(w, 'unit')).planId}/approve`, { comment: '同意' }),
  'POST /plans/:id/request-changes · user plan': async (w) =>
    post(`/plans/${(await freshPlanInReview(w, 'user')).planId}/request-changes`, {
      comment: '请把 KR 写得更具体',
    }),
  'POST /plans/:id/request-changes · unit plan': async (w) =>
    post(`/plans/${(await freshPlanInReview(w, 'unit')).planId}/request-changes`, {
      comment: '请把 KR 写得更具体',
    }),
  'GET /plans/:id/reviews': async (w) => get(`/plans/${w.ownerPlan.planId}/reviews`),
  'POST /plans/:id/objectives · user plan': async (w) =>
    post(`/plans/${(await freshPlan(w, 'user')).planId}/objectives`, {
      title: uniq('objective'),
      weight: 0,
    }),
  'POST /plans/:id/objectives · unit plan': async (w) =>
    post(`/plans/${(await freshPlan(w, 'unit')).planId}/objectives`, {
      title: uniq('objective'),
      weight: 0,
    }),
  'POST /plans/:id/reorder · user plan': async (w) => {
    const p = await freshPlan(w, 'user');
    return post(`/plans/${p.planId}/reorder`, {
      objectiveIds: p.objectives.map((o) => o.id).reverse(),
    });
  },
  'POST /plans/:id/reorder · unit plan': async (w) => {
    const p = await freshPlan(w, 'unit');
    return post(`/plans/${p.planId}/reorder`, {
      objectiveIds: p.objectives.map((o) => o.id).reverse(),
    });
  },
  'GET /objectives/:id · public': async (w) => get(`/objectives/${w.ownerPlan.objectives[0]!.id}`),
  'GET /objectives/:id · private': async (w) => get(`/objectives/${w.privateObjectiveId}`),
  'PATCH /objectives/:id · public, user plan': async (w) =>
    patch(`/objectives/${publicOf(await freshPlan(w, 'user')).id}`, { title: uniq('renamed') }),
  'PATCH /objectives/:id · private, user plan': async (w) =>
    patch(`/objectives/${privateOf(await freshPlan(w, 'user')).id}`, { title: uniq('renamed') }),
  'PATCH /objectives/:id · unit plan': async (w) =>
    patch(`/objectives/${publicOf(await freshPlan(w, 'unit')).id}`, { title: uniq('renamed') }),
  'DELETE /objectives/:id · public, user plan': async (w) =>
    del(`/objectives/${publicOf(await freshPlan(w, 'user')).id}`),
  'DELETE /objectives/:id · private, user plan': async (w) =>
    del(`/objectives/${privateOf(await freshPlan(w, 'user')).id}`),
  'POST /objectives/:id/key-results · user plan': async (w) =>
    post(`/objectives/${publicOf(await freshPlan(w, 'user')).id}/key-results`, newKeyResult()),
  'POST /objectives/:id/key-results · unit plan': async (w) =>
    post(`/objectives/${publicOf(await freshPlan(w, 'unit')).id}/key-results`, newKeyResult()),
  'POST /objectives/:id/reorder · user plan': async (w) => {
    const o = publicOf(await freshPlan(w, 'user'));
    return post(`/objectives/${o.id}/reorder`, { keyResultIds: [...o.keyResultIds].reverse() });
  },
  'GET /key-results · ?ownerId=me&cycleId= of A': async (w) =>
    get(`/key-results?ownerId=me&cycleId=${w.cycleId}`),
  'GET /key-results · ?ownerId= the owner': async (w) =>
    get(`/key-results?ownerId=${w.users.owner.id}&cycleId=${w.cycleId}`),
  'GET /key-results/:id · public': async (w) =>
    get(`/key-results/${w.ownerPlan.objectives[0]!.keyResultIds[0]!}`),
  'GET /key-results/:id · private objective': async (w) =>
    get(`/key-results/${w.privateKeyResultId}`),
  'PATCH /key-results/:id · user plan': async (w) =>
    patch(`/key-results/${publicOf(await freshPlan(w, 'user')).keyResultIds[0]!}`, {
      title: uniq('renamed KR'),
    }),
  'PATCH /key-results/:id · unit plan, KR owned by the owner': async (w) =>
    patch(`/key-results/${publicOf(await freshPlan(w, 'unit')).keyResultIds[0]!}`, {
      title: uniq('renamed KR'),
    }),
  'DELETE /key-results/:id · user plan': async (w) =>
    del(`/key-results/${publicOf(await freshPlan(w, 'user')).keyResultIds[0]!}`),
  'POST /key-results/:id/actions · user plan': async (w) =>
    post(`/key-results/${publicOf(await freshPlan(w, 'user')).keyResultIds[0]!}/actions`, {
      title: uniq('action'),
    }),
  'POST /key-results/:id/actions · unit plan, KR owned by the owner': async (w) =>
    post(`/key-results/${publicOf(await freshPlan(w, 'unit')).keyResultIds[0]!}/actions`, {
      title: uniq('action'),
    }),
  'POST /key-results/:id/actions · private objective': async (w) =>
    post(`/key-results/${privateOf(await freshPlan(w, 'user')).keyResultIds[0]!}/actions`, {
      title: uniq('action'),
    }),
  'PATCH /actions/:id · user plan': async (w) => {
    const kr = publicOf(await freshPlan(w, 'user')).keyResultIds[0]!;
    return patch(`/actions/${await freshAction(w, kr)}`, { state: 'in_progress' });
  },
  'PATCH /actions/:id · unit plan, action owned by the member': async (w) => {
    const kr = publicOf(await freshPlan(w, 'unit')).keyResultIds[0]!;
    return patch(`/actions/${await freshAction(w, kr, w.users.member.id)}`, { state: 'done' });
  },
  'DELETE /actions/:id · user plan': async (w) => {
    const kr = publicOf(await freshPlan(w, 'user')).keyResultIds[0]!;
    return del(`/actions/${await freshAction(w, kr)}`);
  },
  'DELETE /actions/:id · unit plan, action owned by the member': async (w) => {
    const kr = publicOf(await freshPlan(w, 'unit')).keyResultIds[0]!;
    return del(`/actions/${await freshAction(w, kr, w.users.member.id)}`);
  },
  'POST /key-results/:id/check-ins · user plan': async (w) =>
    post(
      `/key-results/${publicOf(await freshPlan(w, 'user', 'approved')).keyResultIds[0]!}/check-ins`,
      { value: 40, confidence: 7 },
    ),
  'POST /key-results/:id/check-ins · unit plan, KR owned by the owner': async (w) =>
    post(
      `/key-results/${publicOf(await freshPlan(w, 'unit', 'approved')).keyResultIds[0]!}/check-ins`,
      { value: 40 },
    ),
  'POST /key-results/:id/check-ins · private objective': async (w) =>
    post(
      `/key-results/${privateOf(await freshPlan(w, 'user', 'approved')).keyResultIds[0]!}/check-ins`,
      { value: 40 },
    ),
  'GET /key-results/:id/check-ins · public': async (w) =>
    get(`/key-results/${w.ownerPlan.objectives[0]!.keyResultIds[0]!}/check-ins`),
  'GET /key-results/:id/check-ins · private objective': async (w) =>
    get(`/key-results/${w.privateKeyResultId}/check-ins`),
  'GET /cycles/:id/alignment': async (w) => get(`/cycles/${w.cycleId}/alignment`),
  'GET /cycles/:id/alignment · ?unitId=市场部': async (w) =>
    get(`/cycles/${w.cycleId}/alignment?unitId=${w.mktId}`),
  'GET /cycles/:id/dashboard': async (w) => get(`/cycles/${w.cycleId}/dashboard`),
  'GET /cycles/:id/dashboard · ?unitId=市场部': async (w) =>
    get(`/cycles/${w.cycleId}/dashboard?unitId=${w.mktId}`),
  'GET /audit': async () => get('/audit'),
};

/** The route plugins of the v1 API this matrix covers (later issues add their own tests). */
const CORE_ROUTES: FastifyPluginAsyncTypebox<{ ctx: AppContext }>[] = [
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
];

/** `POST /plans/:id/approve · unit plan` → `POST /plans/:id/approve` */
const routeOf = (row: string): string => row.split(' · ')[0]!.split('?')[0]!;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const GHOST = '00000000-0000-4000-8000-000000000000';

function send(api: Client, req: Req): Promise<Response> {
  switch (req.method) {
    case 'GET':
      return api.get(req.url);
    case 'DELETE':
      return api.delete(req.url);
    case 'POST':
      return api.post(req.url, req.body);
    case 'PATCH':
      return api.patch(req.url, req.body);
    case 'PUT':
      return api.put(req.url, req.body);
  }
}

/** The same request with every id in it replaced by one that exists nowhere. */
function ghostOf(req: Req): Req {
  return {
    ...req,
    url: req.url.replace(UUID, GHOST),
    ...(req.body !== undefined
      ? { body: JSON.parse(JSON.stringify(req.body).replace(UUID, GHOST)) as unknown }
      : {}),
  };
}

async function auditCount(w: World): Promise<number> {
  const row = await w.t.ctx.db
    .selectFrom('audit_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Runs one cell; returns what is wrong with it (empty when it behaves as the table says). */
async function runCell(w: World, row: string, actor: ActorName, expected: number) {
  const cell = `${row} as ${actor}`;
  const build = REQUESTS[row];
  if (!build) return [`${cell}: no request for this row`];
  const req = await build(w, actor);
  const before = await auditCount(w);
  const res = await send(clientOf(w, actor), req);
  const problems: string[] = [];
  if (res.status !== expected) {
    problems.push(`${cell}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  if (actor === 'otherAdmin' && row !== 'POST /auth/login') {
    const seen = [...w.idsOfA].filter((id) => text.includes(id));
    if (seen.length > 0)
      problems.push(`${cell}: shows ids of the other organization ${seen.join(', ')}`);
  }
  if (!PRIVATE_READERS.has(actor) && row !== 'POST /auth/login') {
    const seen = [...w.secrets].filter((s) => text.includes(s));
    if (seen.length > 0) problems.push(`${cell}: shows a private objective (${seen.join(', ')})`);
  }
  if (res.status >= 400 && (await auditCount(w)) !== before) {
    problems.push(`${cell}: answered ${res.status} but wrote an audit entry`);
  }
  if (res.status === 404 || (res.status === 422 && actor === 'otherAdmin')) {
    const ghost = await send(clientOf(w, actor), ghostOf(req));
    if (ghost.status !== res.status || ghost.body?.detail !== res.body?.detail) {
      problems.push(
        `${cell}: ${res.status} "${res.body?.detail}" differs from a missing id's ` +
          `${ghost.status} "${ghost.body?.detail}"`,
      );
    }
  }
  return problems;
}

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`permission matrix on ${engine}`, () => {
    const t = useTestApp(engine);
    let world: World | undefined;
    const w = async (): Promise<World> => (world ??= await buildWorld(t));

    it('has one request per row and a status for every actor', () => {
      expect(Object.keys(REQUESTS).sort()).toEqual(MATRIX.map(([row]) => row).sort());
      for (const [row, ...statuses] of MATRIX) {
        expect(statuses.length, row).toBe(ACTORS.length);
      }
    });

    it('covers every route of the v1 API', async () => {
      const probe = Fastify();
      const routes = new Set<string>();
      probe.addHook('onRoute', (r) => {
        for (const m of [r.method].flat()) if (m !== 'HEAD') routes.add(`${m} ${r.url}`);
      });
      probe.addSchema(ProblemSchema);
      for (const s of sharedSchemas) probe.addSchema(s);
      for (const plugin of CORE_ROUTES) await probe.register(plugin, { ctx: t.ctx });
      await probe.close();
      const covered = new Set(MATRIX.map(([row]) => routeOf(row)));
      expect([...routes].filter((r) => !covered.has(r))).toEqual([]);
      expect([...covered].filter((r) => !routes.has(r))).toEqual([]);
    });

    for (const [row, ...statuses] of MATRIX) {
      const summary = ACTORS.map((a, i) => `${a} ${statuses[i]}`).join(', ');
      it(`${row} answers ${summary}`, async () => {
        const world = await w();
        const problems: string[] = [];
        for (const [i, actor] of ACTORS.entries()) {
          problems.push(...(await runCell(world, row, actor, statuses[i]!)));
        }
        expect(problems).toEqual([]);
      });
    }

    describe('lists never return what a get would refuse', () => {
      it("hides the owner's private objective from a peer member and a peer leader", async () => {
        const world = await w();
        const priv = world.privateObjectiveId;
        const privKr = world.privateKeyResultId;
        const publicId = world.ownerPlan.objectives[0]!.id;
        const m1 = world.mktPlan.objectives[0]!;
        for (const actor of ['member', 'peerLeader'] as const) {
          const api = clientOf(world, actor);
          const plan = await api.get(`/plans/${world.ownerPlan.planId}`);
          expect(plan.status).toBe(200);
          expect(plan.body.objectives.map((o: { id: string }) => o.id)).toEqual([publicId]);

          const map = await api.get(`/cycles/${world.cycleId}/alignment`);
          expect(map.status).toBe(200);
          const nodeIds = map.body.nodes.map((n: { id: string }) => n.id);
          expect(nodeIds).toContain(publicId);
          expect(nodeIds).not.toContain(priv);
          expect(map.body.edges).toContainEqual({ from: publicId, to: m1.id, kind: 'aligned' });
          expect(map.body.edges.filter((e: { from: string }) => e.from === priv)).toEqual([]);

          const dash = await api.get(`/cycles/${world.cycleId}/dashboard`);
          expect(dash.status).toBe(200);
          const atRisk = dash.body.atRisk.map((k: { id: string }) => k.id);
          expect(atRisk).toContain(m1.keyResultIds[0]);
          expect(atRisk).not.toContain(privKr);

          expect((await api.get(`/objectives/${priv}`)).status).toBe(404);
          expect((await api.get(`/key-results/${privKr}`)).status).toBe(404);
        }
      });

      it("shows the owner's private objective to the owner, the leaders above and admins", async () => {
        const world = await w();
        const priv = world.privateObjectiveId;
        const m1 = world.mktPlan.objectives[0]!;
        for (const actor of ['owner', 'leader', 'parentLeader', 'admin'] as const) {
          const api = clientOf(world, actor);
          const plan = await api.get(`/plans/${world.ownerPlan.planId}`);
          expect(
            plan.body.objectives.map((o: { id: string }) => o.id),
            actor,
          ).toContain(priv);
          const map = await api.get(`/cycles/${world.cycleId}/alignment`);
          expect(map.body.edges, actor).toContainEqual({
            from: priv,
            to: m1.id,
            kind: 'aligned',
            viaKeyResultId: m1.keyResultIds[0],
          });
          const dash = await api.get(`/cycles/${world.cycleId}/dashboard`);
          expect(
            dash.body.atRisk.map((k: { id: string }) => k.id),
            actor,
          ).toContain(world.privateKeyResultId);
          expect((await api.get(`/objectives/${priv}`)).status, actor).toBe(200);
        }
      });

      it('gives another organization only its own plans, cycles, units, users and audit', async () => {
        const world = await w();
        const api = clientOf(world, 'otherAdmin');
        const ids = async (url: string) => {
          const res = await api.get(url);
          expect(res.status, url).toBe(200);
          const found = res.body.items.map((i: { id: string }) => i.id) as string[];
          expect(
            found.filter((id) => world.idsOfA.has(id)),
            url,
          ).toEqual([]);
          return found;
        };
        expect(await ids('/plans')).toContain(world.otherPlan.planId);
        expect(await ids(`/plans?cycleId=${world.cycleId}`)).toEqual([]);
        expect(await ids(`/plans?ownerId=${world.users.owner.id}`)).toEqual([]);
        expect(await ids('/cycles')).toContain(world.otherCycleId);
        expect(await ids('/units')).toEqual([world.b.rootUnitId]);
        expect(await ids('/users')).toContain(world.b.admin.id);
        expect(await ids(`/users?unitId=${world.mktId}`)).toEqual([]);
        expect(await ids(`/audit?targetId=${world.ownerPlan.planId}`)).toEqual([]);
        expect(await ids(`/audit?actorId=${world.a.admin.id}`)).toEqual([]);
      });
    });
  });
}

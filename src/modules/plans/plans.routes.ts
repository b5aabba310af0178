/** /plans: create, list, read as a tree, delete, and the review loop. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Page, PageQuery } from '../../http/schemas.js';
import { sendSerialized } from '../../http/serialized.js';
import { IfMatchHeaders, setEtag, withEtag } from './http.js';
import { PlanReadCache } from './plan-cache.js';
import {
  ApproveBody,
  CreatePlanBody,
  ListPlansQuery,
  PlanDetailSchema,
  PlanSchema,
  RequestChangesBody,
  ReviewSchema,
  SubmittedPlanSchema,
} from './plans.schema.js';
import * as plans from './plans.service.js';
import * as reviews from './reviews.service.js';

const NoBody = Type.Object({}, { additionalProperties: false });
const PageOnly = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const planRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  // this server's kept plan reads (POLARIS_PLAN_CACHE_MB; 0: every read is built)
  const planCache =
    ctx.config.planCacheMb > 0
      ? new PlanReadCache(ctx.config.planCacheMb * 1024 * 1024)
      : undefined;

  app.get(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'List plans with progress (approverId=me: my review queue)',
        querystring: ListPlansQuery,
        response: { 200: Page(Type.Ref(PlanSchema)), ...errorResponses(400, 401) },
      },
    },
    async (req) => plans.listPlans(ctx, actorOf(req), req.query),
  );

  app.post(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Create a draft plan for a unit or a user in a cycle',
        body: CreatePlanBody,
        response: { 201: Type.Ref(PlanSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const plan = await plans.createPlan(ctx, actorOf(req), req.body);
      return reply.code(201).send(withEtag(reply, plan));
    },
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'A plan with objectives → keyResults → actions, by priority',
        params: IdParams,
        response: { 200: Type.Ref(PlanDetailSchema), ...errorResponses(401, 404) },
      },
    },
    async (req, reply) => {
      // the JSON comes from this route's own response serializer (kept by plan-cache.ts)
      const plan = await plans.readPlanJson(
        ctx,
        actorOf(req),
        req.params.id,
        (p) => reply.serialize(p) as string,
        planCache,
      );
      setEtag(reply, plan.version);
      return sendSerialized(reply, plan.body);
    },
  );

  app.delete(
    '/plans/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'Delete a draft plan',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409, 412) },
      },
    },
    async (req, reply) => {
      await plans.deletePlan(ctx, actorOf(req), req.params.id, req.headers['if-match']);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/plans/:id/submit',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Submit for review (422 lists every failed check)',
        description:
          'With the quality gate `block`, error findings refuse the plan (422, code ' +
          '`quality.<rule>`); with `warn` or `block` the quality report travels with the ' +
          'submission (`quality`, also on the review); with `off` quality is null.',
        params: IdParams,
        headers: IfMatchHeaders,
        body: NoBody,
        response: { 200: SubmittedPlanSchema, ...errorResponses(401, 403, 404, 409, 412, 422) },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await reviews.submitPlan(ctx, actorOf(req), req.params.id, req.headers['if-match']),
      ),
  );

  app.post(
    '/plans/:id/approve',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Approve a plan in review (the approver or an admin)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ApproveBody,
        response: { 200: Type.Ref(PlanSchema), ...errorResponses(400, 401, 403, 404, 409, 412) },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await reviews.approvePlan(
          ctx,
          actorOf(req),
          req.params.id,
          req.body,
          req.headers['if-match'],
        ),
      ),
  );

  app.post(
    '/plans/:id/request-changes',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Send a plan in review back with a comment (the approver or an admin)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: RequestChangesBody,
        response: {
          200: Type.Ref(PlanSchema),
          ...errorResponses(400, 401, 403, 404, 409, 412, 422),
        },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await reviews.requestChanges(
          ctx,
          actorOf(req),
          req.params.id,
          req.body,
          req.headers['if-match'],
        ),
      ),
  );

  app.get(
    '/plans/:id/reviews',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Review decisions on a plan, newest first',
        params: IdParams,
        querystring: PageOnly,
        response: { 200: Page(Type.Ref(ReviewSchema)), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => reviews.listReviews(ctx, actorOf(req), req.params.id, req.query),
  );
};

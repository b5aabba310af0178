/** /plans/:id/adjustments|history|versions|diff and /adjustments/:id (accept, reject). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Page, PageQuery } from '../../http/schemas.js';
import { IfMatchHeaders, withEtag } from '../plans/http.js';
import {
  AcceptAdjustmentBody,
  AdjustmentSchema,
  DiffQuery,
  HistoryItemSchema,
  ListAdjustmentsQuery,
  PlanDiffSchema,
  PlanVersionDetailSchema,
  PlanVersionSchema,
  RejectAdjustmentBody,
  VersionParams,
} from './adjustments.schema.js';
import * as adjustments from './adjustments.service.js';

const PageOnly = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const adjustmentRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/plans/:id/adjustments',
    {
      schema: {
        tags: ['adjustments'],
        summary: 'Adjustments of an approved plan, newest first (status=pending: waiting ones)',
        params: IdParams,
        querystring: ListAdjustmentsQuery,
        response: { 200: Page(Type.Ref(AdjustmentSchema)), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => adjustments.listAdjustments(ctx, actorOf(req), req.params.id, req.query),
  );

  app.get(
    '/adjustments/:id',
    {
      schema: {
        tags: ['adjustments'],
        summary: 'One adjustment',
        params: IdParams,
        response: { 200: Type.Ref(AdjustmentSchema), ...errorResponses(401, 404) },
      },
    },
    async (req, reply) =>
      withEtag(reply, await adjustments.getAdjustment(ctx, actorOf(req), req.params.id)),
  );

  app.post(
    '/adjustments/:id/accept',
    {
      schema: {
        tags: ['adjustments'],
        summary: 'Accept a pending adjustment: its change applies now (the approver or an admin)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: AcceptAdjustmentBody,
        response: {
          200: Type.Ref(AdjustmentSchema),
          ...errorResponses(400, 401, 403, 404, 409, 412, 422),
        },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await adjustments.acceptAdjustment(
          ctx,
          actorOf(req),
          req.params.id,
          req.body,
          req.headers['if-match'],
        ),
      ),
  );

  app.post(
    '/adjustments/:id/reject',
    {
      schema: {
        tags: ['adjustments'],
        summary: 'Reject a pending adjustment with a comment (the approver or an admin)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: RejectAdjustmentBody,
        response: {
          200: Type.Ref(AdjustmentSchema),
          ...errorResponses(400, 401, 403, 404, 409, 412, 422),
        },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await adjustments.rejectAdjustment(
          ctx,
          actorOf(req),
          req.params.id,
          req.body,
          req.headers['if-match'],
        ),
      ),
  );

  app.get(
    '/plans/:id/history',
    {
      schema: {
        tags: ['adjustments'],
        summary: 'Review decisions and adjustments of a plan, newest first',
        params: IdParams,
        querystring: PageOnly,
        response: { 200: Page(Type.Ref(HistoryItemSchema)), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => adjustments.planHistory(ctx, actorOf(req), req.params.id, req.query),
  );

  app.get(
    '/plans/:id/versions',
    {
      schema: {
        tags: ['adjustments'],
        summary: 'Versions of a plan (one per approval and per applied adjustment), oldest first',
        params: IdParams,
        querystring: PageOnly,
        response: { 200: Page(Type.Ref(PlanVersionSchema)), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => adjustments.listVersions(ctx, actorOf(req), req.params.id, req.query),
  );

  app.get(
    '/plans/:id/versions/:n',
    {
      schema: {
        tags: ['adjustments'],
        summary: "One version of a plan: its tree's defining fields (not progress)",
        params: VersionParams,
        response: { 200: Type.Ref(PlanVersionDetailSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => adjustments.getVersion(ctx, actorOf(req), req.params.id, req.params.n),
  );

  app.get(
    '/plans/:id/diff',
    {
      schema: {
        tags: ['adjustments'],
        summary: 'What changed between two versions (default: the last approval → now)',
        params: IdParams,
        querystring: DiffQuery,
        response: { 200: Type.Ref(PlanDiffSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req) => adjustments.diffVersions(ctx, actorOf(req), req.params.id, req.query),
  );
};

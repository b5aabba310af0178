/**
 * /plans/:id/retrospective, /plans/:id/carry-over and /units/:id/cycles/:cycleId/summary
 * (the review, 复盘, at the end of a cycle).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams } from '../../http/schemas.js';
import { IfMatchHeaders, withEtag } from '../plans/http.js';
import { carryOver } from './carry-over.service.js';
import {
  CarryOverBody,
  CarryOverResultSchema,
  RetrospectiveBody,
  RetrospectiveSchema,
  UnitCycleParams,
  UnitCycleSummarySchema,
} from './retrospectives.schema.js';
import * as retrospectives from './retrospectives.service.js';
import { unitCycleSummary } from './summary.service.js';

export const retrospectiveRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/plans/:id/retrospective',
    {
      schema: {
        tags: ['retrospectives'],
        summary: "A plan's retrospective (复盘)",
        params: IdParams,
        response: { 200: Type.Ref(RetrospectiveSchema), ...errorResponses(401, 404) },
      },
    },
    async (req, reply) =>
      withEtag(reply, await retrospectives.getRetrospective(ctx, actorOf(req), req.params.id)),
  );

  app.put(
    '/plans/:id/retrospective',
    {
      schema: {
        tags: ['retrospectives'],
        summary: 'Write the retrospective of an approved or closed plan (plan writers)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: RetrospectiveBody,
        response: {
          200: Type.Ref(RetrospectiveSchema),
          201: Type.Ref(RetrospectiveSchema),
          ...errorResponses(400, 401, 403, 404, 409, 412),
        },
      },
    },
    async (req, reply) => {
      const { retrospective, created } = await retrospectives.putRetrospective(
        ctx,
        actorOf(req),
        req.params.id,
        req.body,
        req.headers['if-match'],
      );
      return reply.code(created ? 201 : 200).send(withEtag(reply, retrospective));
    },
  );

  app.post(
    '/plans/:id/carry-over',
    {
      schema: {
        tags: ['retrospectives'],
        summary: "Copy unfinished objectives and KRs into the owner's draft plan of a later cycle",
        params: IdParams,
        body: CarryOverBody,
        response: {
          201: Type.Ref(CarryOverResultSchema),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await carryOver(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/units/:id/cycles/:cycleId/summary',
    {
      schema: {
        tags: ['retrospectives'],
        summary:
          "A unit's cycle summary: scores, committed misses, check-in discipline, adjustments",
        params: UnitCycleParams,
        response: { 200: Type.Ref(UnitCycleSummarySchema), ...errorResponses(401, 404) },
      },
    },
    async (req) => unitCycleSummary(ctx, actorOf(req), req.params.id, req.params.cycleId),
  );
};

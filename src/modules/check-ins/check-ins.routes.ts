/** /key-results/:id/check-ins */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Page, PageQuery } from '../../http/schemas.js';
import {
  CheckInHeaders,
  CheckInResultSchema,
  CheckInSchema,
  CreateCheckInBody,
} from './check-ins.schema.js';
import * as checkIns from './check-ins.service.js';

export const checkInRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/key-results/:id/check-ins',
    {
      schema: {
        tags: ['check-ins'],
        summary: 'Check in on a key result (its owner, plan writers); Idempotency-Key honoured',
        params: IdParams,
        headers: CheckInHeaders,
        body: CreateCheckInBody,
        response: {
          201: Type.Ref(CheckInResultSchema),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => {
      const result = await checkIns.createCheckIn(
        ctx,
        actorOf(req),
        req.params.id,
        req.body,
        req.headers['idempotency-key'],
      );
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/key-results/:id/check-ins',
    {
      schema: {
        tags: ['check-ins'],
        summary: "A key result's check-ins, newest first",
        params: IdParams,
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: { 200: Page(Type.Ref(CheckInSchema)), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => checkIns.listCheckIns(ctx, actorOf(req), req.params.id, req.query),
  );
};

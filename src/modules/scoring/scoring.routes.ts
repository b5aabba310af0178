/** PUT /key-results/:id/score and POST /plans/:id/close. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams } from '../../http/schemas.js';
import { KeyResultSchema } from '../key-results/key-results.schema.js';
import { IfMatchHeaders, withEtag } from '../plans/http.js';
import { PlanDetailSchema } from '../plans/plans.schema.js';
import { ScoreBody } from './scoring.schema.js';
import * as scoring from './scoring.service.js';

const NoBody = Type.Object({}, { additionalProperties: false });

export const scoringRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.put(
    '/key-results/:id/score',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Score a key result 0–1 with a note: self (owner) or final (approver)',
        description:
          'The cycle must be `reviewing` and the plan approved (409 otherwise). `kind` defaults ' +
          'to `final` for the approver or an admin and to `self` for everyone else.',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ScoreBody,
        response: {
          200: Type.Ref(KeyResultSchema),
          ...errorResponses(400, 401, 403, 404, 409, 412),
        },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await scoring.scoreKeyResult(
          ctx,
          actorOf(req),
          req.params.id,
          req.body,
          req.headers['if-match'],
        ),
      ),
  );

  app.post(
    '/plans/:id/close',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Close a plan: final scores fixed, read-only from now (approver or admin)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: NoBody,
        response: {
          200: Type.Ref(PlanDetailSchema),
          ...errorResponses(400, 401, 403, 404, 409, 412),
        },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await scoring.closePlan(ctx, actorOf(req), req.params.id, req.headers['if-match']),
      ),
  );
};

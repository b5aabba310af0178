/** /plans/:id/objectives, /objectives/:id and /plans/:id/reorder. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, Id, IdParams } from '../../http/schemas.js';
import { AdjustmentSchema, isProposed } from '../adjustments/adjustments.schema.js';
import { IfMatchHeaders, Reason, ReasonQuery, withEtag } from '../plans/http.js';
import { CreateObjectiveBody, ObjectiveSchema, UpdateObjectiveBody } from './objectives.schema.js';
import * as objectives from './objectives.service.js';

/** an approved plan's change that waits for the approver (adjustmentsNeedApproval) */
const PendingAdjustment = Type.Ref(AdjustmentSchema, {
  description: 'the change waits for the approver: the pending adjustment',
});

const ReorderBody = Type.Object(
  { objectiveIds: Type.Array(Id, { maxItems: 1000 }), reason: Type.Optional(Reason) },
  { additionalProperties: false },
);

export const objectiveRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/plans/:id/objectives',
    {
      schema: {
        tags: ['objectives'],
        summary: 'Add an objective to a plan (plan writers)',
        params: IdParams,
        body: CreateObjectiveBody,
        response: {
          201: Type.Ref(ObjectiveSchema),
          202: PendingAdjustment,
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => {
      const o = await objectives.createObjective(ctx, actorOf(req), req.params.id, req.body);
      if (isProposed(o)) return reply.code(202).send(o.proposed);
      return reply.code(201).send(withEtag(reply, o));
    },
  );

  app.get(
    '/objectives/:id',
    {
      schema: {
        tags: ['objectives'],
        summary: 'An objective with its key results and their actions',
        params: IdParams,
        response: { 200: Type.Ref(ObjectiveSchema), ...errorResponses(401, 404) },
      },
    },
    async (req, reply) =>
      withEtag(reply, await objectives.getObjective(ctx, actorOf(req), req.params.id)),
  );

  app.patch(
    '/objectives/:id',
    {
      schema: {
        tags: ['objectives'],
        summary: 'Change an objective (If-Match honoured)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateObjectiveBody,
        response: {
          200: Type.Ref(ObjectiveSchema),
          202: PendingAdjustment,
          ...errorResponses(400, 401, 403, 404, 409, 412, 422),
        },
      },
    },
    async (req, reply) => {
      const o = await objectives.updateObjective(
        ctx,
        actorOf(req),
        req.params.id,
        req.body,
        req.headers['if-match'],
      );
      if (isProposed(o)) return reply.code(202).send(o.proposed);
      return withEtag(reply, o);
    },
  );

  app.delete(
    '/objectives/:id',
    {
      schema: {
        tags: ['objectives'],
        summary: 'Delete an objective with its key results',
        params: IdParams,
        querystring: ReasonQuery,
        headers: IfMatchHeaders,
        response: {
          204: Type.Null(),
          202: PendingAdjustment,
          ...errorResponses(400, 401, 403, 404, 409, 412, 422),
        },
      },
    },
    async (req, reply) => {
      const proposed = await objectives.deleteObjective(ctx, actorOf(req), req.params.id, {
        ifMatch: req.headers['if-match'],
        ...(req.query.reason !== undefined ? { reason: req.query.reason } : {}),
      });
      if (proposed) return reply.code(202).send(proposed.proposed);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/plans/:id/reorder',
    {
      schema: {
        tags: ['objectives'],
        summary: "Set the objectives' priorities 1..n in the order given",
        params: IdParams,
        body: ReorderBody,
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref(ObjectiveSchema)) }),
          202: PendingAdjustment,
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => {
      const items = await objectives.reorderObjectives(ctx, actorOf(req), req.params.id, req.body);
      if (isProposed(items)) return reply.code(202).send(items.proposed);
      return { items };
    },
  );
};

/** /objectives/:id/key-results, /key-results, /key-results/:id and /objectives/:id/reorder. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, Id, IdParams, Page } from '../../http/schemas.js';
import { AdjustmentSchema, isProposed } from '../adjustments/adjustments.schema.js';
import { IfMatchHeaders, Reason, ReasonQuery, withEtag } from '../plans/http.js';
import {
  CreateKeyResultBody,
  KeyResultSchema,
  ListKeyResultsQuery,
  OwnedKeyResultSchema,
  UpdateKeyResultBody,
} from './key-results.schema.js';
import * as keyResults from './key-results.service.js';

/** an approved plan's change that waits for the approver (adjustmentsNeedApproval) */
const PendingAdjustment = Type.Ref(AdjustmentSchema, {
  description: 'the change waits for the approver: the pending adjustment',
});

const ReorderBody = Type.Object(
  { keyResultIds: Type.Array(Id, { maxItems: 1000 }), reason: Type.Optional(Reason) },
  { additionalProperties: false },
);

export const keyResultRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/objectives/:id/key-results',
    {
      schema: {
        tags: ['key-results'],
        summary: 'Add a key result to an objective (plan writers)',
        params: IdParams,
        body: CreateKeyResultBody,
        response: {
          201: Type.Ref(KeyResultSchema),
          202: PendingAdjustment,
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => {
      const kr = await keyResults.createKeyResult(ctx, actorOf(req), req.params.id, req.body);
      if (isProposed(kr)) return reply.code(202).send(kr.proposed);
      return reply.code(201).send(withEtag(reply, kr));
    },
  );

  app.get(
    '/key-results',
    {
      schema: {
        tags: ['key-results'],
        summary:
          "The key results a person answers for in a cycle, on any plan (ownerId=me: the caller's)",
        querystring: ListKeyResultsQuery,
        response: {
          200: Page(Type.Ref(OwnedKeyResultSchema)),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (req) => keyResults.listResponsibleKeyResults(ctx, actorOf(req), req.query),
  );

  app.get(
    '/key-results/:id',
    {
      schema: {
        tags: ['key-results'],
        summary: 'A key result with progress, health, forecast and actions',
        params: IdParams,
        response: { 200: Type.Ref(KeyResultSchema), ...errorResponses(401, 404) },
      },
    },
    async (req, reply) =>
      withEtag(reply, await keyResults.getKeyResult(ctx, actorOf(req), req.params.id)),
  );

  app.patch(
    '/key-results/:id',
    {
      schema: {
        tags: ['key-results'],
        summary: 'Change a key result (If-Match honoured)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateKeyResultBody,
        response: {
          200: Type.Ref(KeyResultSchema),
          202: PendingAdjustment,
          ...errorResponses(400, 401, 403, 404, 409, 412, 422),
        },
      },
    },
    async (req, reply) => {
      const kr = await keyResults.updateKeyResult(
        ctx,
        actorOf(req),
        req.params.id,
        req.body,
        req.headers['if-match'],
      );
      if (isProposed(kr)) return reply.code(202).send(kr.proposed);
      return withEtag(reply, kr);
    },
  );

  app.delete(
    '/key-results/:id',
    {
      schema: {
        tags: ['key-results'],
        summary: 'Delete a key result with its actions and check-ins',
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
      const proposed = await keyResults.deleteKeyResult(ctx, actorOf(req), req.params.id, {
        ifMatch: req.headers['if-match'],
        ...(req.query.reason !== undefined ? { reason: req.query.reason } : {}),
      });
      if (proposed) return reply.code(202).send(proposed.proposed);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/objectives/:id/reorder',
    {
      schema: {
        tags: ['key-results'],
        summary: "Set the objective's key result priorities 1..n in the order given",
        params: IdParams,
        body: ReorderBody,
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref(KeyResultSchema)) }),
          202: PendingAdjustment,
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => {
      const items = await keyResults.reorderKeyResults(ctx, actorOf(req), req.params.id, req.body);
      if (isProposed(items)) return reply.code(202).send(items.proposed);
      return { items };
    },
  );
};

/** /objectives/:id/key-results, /key-results/:id and /objectives/:id/reorder. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, Id, IdParams } from '../../http/schemas.js';
import { IfMatchHeaders, Reason, ReasonQuery, strictNumbers, withEtag } from '../plans/http.js';
import {
  CreateKeyResultBody,
  KEY_RESULT_NUMBERS,
  KeyResultSchema,
  UpdateKeyResultBody,
} from './key-results.schema.js';
import * as keyResults from './key-results.service.js';

const ReorderBody = Type.Object(
  { keyResultIds: Type.Array(Id, { maxItems: 1000 }), reason: Type.Optional(Reason) },
  { additionalProperties: false },
);
const numbers = strictNumbers(KEY_RESULT_NUMBERS, ['confidence']);

export const keyResultRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/objectives/:id/key-results',
    {
      preValidation: numbers,
      schema: {
        tags: ['key-results'],
        summary: 'Add a key result to an objective (plan writers)',
        params: IdParams,
        body: CreateKeyResultBody,
        response: {
          201: Type.Ref(KeyResultSchema),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => {
      const kr = await keyResults.createKeyResult(ctx, actorOf(req), req.params.id, req.body);
      return reply.code(201).send(withEtag(reply, kr));
    },
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
      preValidation: numbers,
      schema: {
        tags: ['key-results'],
        summary: 'Change a key result (If-Match honoured)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateKeyResultBody,
        response: {
          200: Type.Ref(KeyResultSchema),
          ...errorResponses(400, 401, 403, 404, 409, 412, 422),
        },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await keyResults.updateKeyResult(
          ctx,
          actorOf(req),
          req.params.id,
          req.body,
          req.headers['if-match'],
        ),
      ),
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
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409, 412) },
      },
    },
    async (req, reply) => {
      await keyResults.deleteKeyResult(ctx, actorOf(req), req.params.id, {
        ifMatch: req.headers['if-match'],
        ...(req.query.reason !== undefined ? { reason: req.query.reason } : {}),
      });
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
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => ({
      items: await keyResults.reorderKeyResults(ctx, actorOf(req), req.params.id, req.body),
    }),
  );
};

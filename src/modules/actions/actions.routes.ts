/** /key-results/:id/actions and /actions/:id. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams } from '../../http/schemas.js';
import { IfMatchHeaders, ReasonQuery, withEtag } from '../plans/http.js';
import { ActionSchema, CreateActionBody, UpdateActionBody } from './actions.schema.js';
import * as actions from './actions.service.js';

export const actionRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/key-results/:id/actions',
    {
      schema: {
        tags: ['actions'],
        summary: "Add an action to a key result (plan writers, the KR's owner)",
        params: IdParams,
        body: CreateActionBody,
        response: {
          201: Type.Ref(ActionSchema),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => {
      const action = await actions.createAction(ctx, actorOf(req), req.params.id, req.body);
      return reply.code(201).send(withEtag(reply, action));
    },
  );

  app.patch(
    '/actions/:id',
    {
      schema: {
        tags: ['actions'],
        summary: "Change an action (plan writers, the action's owner; If-Match honoured)",
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateActionBody,
        response: {
          200: Type.Ref(ActionSchema),
          ...errorResponses(400, 401, 403, 404, 409, 412, 422),
        },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await actions.updateAction(
          ctx,
          actorOf(req),
          req.params.id,
          req.body,
          req.headers['if-match'],
        ),
      ),
  );

  app.delete(
    '/actions/:id',
    {
      schema: {
        tags: ['actions'],
        summary: 'Delete an action',
        params: IdParams,
        querystring: ReasonQuery,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409, 412) },
      },
    },
    async (req, reply) => {
      await actions.deleteAction(ctx, actorOf(req), req.params.id, {
        ifMatch: req.headers['if-match'],
        ...(req.query.reason !== undefined ? { reason: req.query.reason } : {}),
      });
      return reply.code(204).send(null);
    },
  );
};

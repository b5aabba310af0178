/** /cycles: the periods OKRs run in. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Page } from '../../http/schemas.js';
import { IfMatchHeaders, setEtag } from '../../http/versioning.js';
import { CreateCycleBody, CycleListQuery, CycleSchema, UpdateCycleBody } from './cycles.schema.js';
import * as cycles from './cycles.service.js';

const Cycle = Type.Ref(CycleSchema);

export const cyclesRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/cycles',
    {
      schema: {
        tags: ['cycles'],
        summary: 'List cycles, newest start first',
        querystring: CycleListQuery,
        response: { 200: Page(Cycle), ...errorResponses(400, 401) },
      },
    },
    async (req) => cycles.listCycles(ctx, actorOf(req), req.query),
  );

  app.get(
    '/cycles/:id',
    {
      schema: {
        tags: ['cycles'],
        summary: 'One cycle',
        params: IdParams,
        response: { 200: Cycle, ...errorResponses(401, 404) },
      },
    },
    async (req, reply) => {
      const cycle = await cycles.getCycle(ctx, actorOf(req), req.params.id);
      setEtag(reply, cycle.version);
      return cycle;
    },
  );

  app.post(
    '/cycles',
    {
      schema: {
        tags: ['cycles'],
        summary: 'Create a cycle (admins); 422 when the dates are wrong or outside the parent',
        body: CreateCycleBody,
        response: { 201: Cycle, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (req, reply) => {
      const cycle = await cycles.createCycle(ctx, actorOf(req), req.body);
      setEtag(reply, cycle.version);
      return reply.code(201).send(cycle);
    },
  );

  app.patch(
    '/cycles/:id',
    {
      schema: {
        tags: ['cycles'],
        summary: 'Change a cycle or move its state forward (admins)',
        description:
          'planning → active → reviewing → closed, one step at a time; going back or skipping is ' +
          '409. Closing the cycle closes all its plans.',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateCycleBody,
        response: { 200: Cycle, ...errorResponses(400, 401, 403, 404, 409, 412, 422) },
      },
    },
    async (req, reply) => {
      const cycle = await cycles.updateCycle(
        ctx,
        actorOf(req),
        req.params.id,
        req.body,
        req.headers['if-match'],
      );
      setEtag(reply, cycle.version);
      return cycle;
    },
  );
};

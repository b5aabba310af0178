/** /me/weekly/:isoWeek and /units/:id/weekly/:isoWeek (周报). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import { IfMatchHeaders, withEtag } from '../plans/http.js';
import {
  MyWeekParams,
  PutWeeklyBody,
  UnitWeekParams,
  UnitWeeklySchema,
  WeeklyUpdateSchema,
} from './weekly.schema.js';
import * as weekly from './weekly.service.js';

const WeeklyUpdate = Type.Ref(WeeklyUpdateSchema);

export const weeklyRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.addSchema(UnitWeeklySchema);

  app.get(
    '/me/weekly/:isoWeek',
    {
      schema: {
        tags: ['weekly'],
        summary: 'My weekly update for an ISO week, with my check-ins of that week',
        description: 'Before it is written: id null, version 0 (ETag "0"), texts null.',
        params: MyWeekParams,
        response: { 200: WeeklyUpdate, ...errorResponses(400, 401) },
      },
    },
    async (req, reply) =>
      withEtag(reply, await weekly.getMyWeekly(ctx, actorOf(req), req.params.isoWeek)),
  );

  app.put(
    '/me/weekly/:isoWeek',
    {
      schema: {
        tags: ['weekly'],
        summary: 'Write my weekly update (本周重点, 下周计划, notes); 201 the first time',
        description:
          'Replaces all three texts (absent ones become null). If-Match honoured; If-Match "0" ' +
          'writes only when there is no update yet.',
        params: MyWeekParams,
        headers: IfMatchHeaders,
        body: PutWeeklyBody,
        response: {
          200: WeeklyUpdate,
          201: WeeklyUpdate,
          ...errorResponses(400, 401, 412),
        },
      },
    },
    async (req, reply) => {
      const { update, created } = await weekly.putMyWeekly(
        ctx,
        actorOf(req),
        req.params.isoWeek,
        req.body,
        req.headers['if-match'],
      );
      return reply.code(created ? 201 : 200).send(withEtag(reply, update));
    },
  );

  app.get(
    '/units/:id/weekly/:isoWeek',
    {
      schema: {
        tags: ['weekly'],
        summary: "A unit's weekly updates and who has not written one",
        description: "The unit's leader, the leaders of the units above it, and admins.",
        params: UnitWeekParams,
        response: { 200: Type.Ref(UnitWeeklySchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => weekly.getUnitWeekly(ctx, actorOf(req), req.params.id, req.params.isoWeek),
  );
};

/** GET /cycles/:id/dashboard */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams } from '../../http/schemas.js';
import { UnitScopeQuery } from '../alignment/alignment.schema.js';
import { DashboardSchema } from './dashboard.schema.js';
import { getDashboard } from './dashboard.service.js';

export const dashboardRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.addSchema(DashboardSchema);

  app.get(
    '/cycles/:id/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Progress, health and lagging key results of a unit scope in a cycle',
        description:
          'Scope: the unit (default: the root unit), its descendants and the user plans of their ' +
          'members. Health counts and the check-in rate cover approved plans; atRisk lists at ' +
          'most 20 at-risk or off-track key results, worst first, leaving out private ones the ' +
          'caller may not read.',
        params: IdParams,
        querystring: UnitScopeQuery,
        response: { 200: Type.Ref(DashboardSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => getDashboard(ctx, actorOf(req), req.params.id, req.query.unitId),
  );
};

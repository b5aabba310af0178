/** GET /health */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { errorResponses } from '../../http/schemas.js';

export const healthRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Ready to serve',
        security: [],
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
            version: Type.String(),
          }),
          ...errorResponses(503),
        },
      },
    },
    async () => {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok' as const, database: ctx.engine, version: ctx.config.version };
    },
  );
};

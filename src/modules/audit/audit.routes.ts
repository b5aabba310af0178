/** GET /audit */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import { AuditEntrySchema, AuditPageSchema, AuditQuerySchema } from './audit.schema.js';
import { listAuditEntries } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addSchema(AuditEntrySchema);

  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log: every mutation, newest first (admins)',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listAuditEntries(ctx, actorOf(req), req.query),
  );
};

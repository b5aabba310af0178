/** GET /cycles/:id/alignment */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams } from '../../http/schemas.js';
import { sendSerialized } from '../../http/serialized.js';
import {
  AlignmentMapSchema,
  AlignmentQuery,
  CompactAlignmentMapSchema,
} from './alignment.schema.js';
import { getAlignmentMap, getCompactAlignmentMap } from './alignment.service.js';

export const alignmentRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.addSchema(AlignmentMapSchema);
  app.addSchema(CompactAlignmentMapSchema);

  app.get(
    '/cycles/:id/alignment',
    {
      // At 40,000 nodes fast-json-stringify takes about four times as long as JSON.stringify
      // (~250 ms vs ~70 ms). The body is built field by field (alignment.service), so the
      // schema documents it without having to filter it.
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags: ['alignment'],
        summary: 'The alignment map of a cycle: objectives and their links to parent objectives',
        description:
          'Nodes are the objectives of the cycle (with unitId: of that unit, its descendants and ' +
          'their members) plus the parent objectives they align to, also in enclosing cycles. ' +
          'Edges go from the child to the parent objective, through viaKeyResultId when the ' +
          'child aligns to one of its key results. Private objectives the caller may not read ' +
          'are left out, with their edges. `format=compact` returns the same map in columns ' +
          '(CompactAlignmentMap: nodes and plans as parallel arrays, edges as node indexes, ' +
          'progress rounded to 4 decimals), about a third of the bytes for a whole cycle.',
        params: IdParams,
        querystring: AlignmentQuery,
        response: {
          200: Type.Union([Type.Ref(AlignmentMapSchema), Type.Ref(CompactAlignmentMapSchema)]),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { unitId } = req.query;
      if (ctx.alignmentThread) {
        const json = await ctx.alignmentThread.map({
          actor,
          cycleId: req.params.id,
          ...(unitId === undefined ? {} : { unitId }),
          format: req.query.format ?? 'full',
        });
        // JSON.stringify'd on the thread, as this route's serializer would
        return sendSerialized(reply, json);
      }
      return req.query.format === 'compact'
        ? getCompactAlignmentMap(ctx, actor, req.params.id, unitId)
        : getAlignmentMap(ctx, actor, req.params.id, unitId);
    },
  );
};

/** The quality coach: POST /quality/parse-key-result, POST /quality/check, GET /plans/:id/quality. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams } from '../../http/schemas.js';
import {
  CheckDraftBody,
  LocaleQuery,
  ParsedKeyResultSchema,
  ParseKeyResultBody,
  QualityReportSchema,
} from './quality.schema.js';
import { checkDraft, getPlanQuality, parseKeyResultTitle } from './quality.service.js';

export const qualityRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/quality/parse-key-result',
    {
      schema: {
        tags: ['quality'],
        summary: 'Read the metric of a key result sentence (to fill the form as the user types)',
        description:
          'Returns metricType, unit, startValue, targetValue and direction when the sentence ' +
          'tells them (absent when unknown), with a confidence 0–1. `locale` (body, else query) ' +
          'only hints the currency of bare amounts; by default it follows the text.',
        querystring: LocaleQuery,
        body: ParseKeyResultBody,
        response: { 200: ParsedKeyResultSchema, ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      actorOf(req);
      return parseKeyResultTitle(req.body, req.query.locale);
    },
  );

  app.post(
    '/quality/check',
    {
      schema: {
        tags: ['quality'],
        summary: 'Check a draft plan; findings target index paths (objectives[0].keyResults[1])',
        description:
          'Missing metric fields are read from the titles; owners, weights and alignment are ' +
          "not judged. Messages in the body's locale, else ?locale=, else the caller's, else " +
          "the organization's, else the text's language. Thresholds from organization settings.",
        querystring: LocaleQuery,
        body: CheckDraftBody,
        response: { 200: Type.Ref(QualityReportSchema), ...errorResponses(400, 401) },
      },
    },
    async (req) => checkDraft(ctx, actorOf(req), req.body, req.query.locale),
  );

  app.get(
    '/plans/:id/quality',
    {
      schema: {
        tags: ['quality'],
        summary: "A plan's quality score and findings (targets by id)",
        description:
          'Readers of the plan; findings about private objectives the caller may not read are ' +
          'left out (and the score counts only what is shown). Messages in ?locale=, else the ' +
          "caller's, else the organization's language.",
        params: IdParams,
        querystring: LocaleQuery,
        response: { 200: Type.Ref(QualityReportSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => getPlanQuality(ctx, actorOf(req), req.params.id, req.query.locale),
  );
};

/** The quality coach: POST /quality/parse-key-result, POST /quality/check, GET /plans/:id/quality. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { badRequest, type FieldProblem } from '../../domain/errors.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams } from '../../http/schemas.js';
import {
  CheckDraftBody,
  DRAFT_KEY_RESULT_NUMBERS,
  LocaleQuery,
  ParsedKeyResultSchema,
  ParseKeyResultBody,
  QualityReportSchema,
} from './quality.schema.js';
import { checkDraft, getPlanQuality, parseKeyResultTitle } from './quality.service.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * A preValidation hook: the draft KRs' start and target values, when present, must be JSON
 * numbers — the validator would coerce `null` or `"12"` into numbers and change the findings.
 */
async function strictDraftNumbers(req: FastifyRequest): Promise<void> {
  const body = req.body;
  if (!isRecord(body) || !Array.isArray(body.objectives)) return;
  const problems: FieldProblem[] = [];
  body.objectives.forEach((o: unknown, oi) => {
    if (!isRecord(o) || !Array.isArray(o.keyResults)) return;
    o.keyResults.forEach((kr: unknown, ki) => {
      if (!isRecord(kr)) return;
      for (const f of DRAFT_KEY_RESULT_NUMBERS) {
        if (f in kr && typeof kr[f] !== 'number') {
          problems.push({
            path: `objectives[${oi}].keyResults[${ki}].${f}`,
            message: 'must be a number',
            code: 'schema.type',
          });
        }
      }
    });
  });
  if (problems.length > 0) throw badRequest('The request does not match the schema', problems);
}

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
      preValidation: strictDraftNumbers,
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

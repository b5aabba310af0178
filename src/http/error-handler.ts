/** One error handler: domain errors and framework errors become problem+json; 5xx hide details. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isConcurrencyFailure } from '../db/errors.js';
import { AppError, type FieldProblem } from '../domain/errors.js';
import { problem, STATUS_OF, type Problem } from './problem.js';

interface AjvError {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** `/objectives/0/title` → `objectives[0].title` */
export function jsonPointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

function validationProblems(errors: AjvError[], context: string | undefined): FieldProblem[] {
  const prefix = context && context !== 'body' ? `${context}.` : '';
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const e of errors) {
    let path = jsonPointerToPath(e.instancePath ?? '');
    const missing = e.params?.missingProperty;
    if (e.keyword === 'required' && typeof missing === 'string') {
      path = path ? `${path}.${missing}` : missing;
    }
    const full = `${prefix}${path}` || (context ?? 'body');
    const message = e.keyword === 'required' ? 'is required' : (e.message ?? 'is invalid');
    const key = `${full}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: full, message, code: `schema.${e.keyword ?? 'invalid'}` });
  }
  return out;
}

function send(
  reply: FastifyReply,
  body: Problem,
  headers: Record<string, string> = {},
): FastifyReply {
  return reply.code(body.status).headers(headers).type('application/problem+json').send(body);
}

/**
 * Fastify's `frameworkErrors` option: errors the router raises before any route or error handler
 * runs (a URL that does not decode, e.g. `%ff`) answer problem+json like every other error.
 */
export function frameworkErrorHandler(
  err: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const bad = err.code === 'FST_ERR_BAD_URL';
  void send(
    reply,
    bad
      ? problem(400, 'The URL is not valid', { code: 'bad_url' })
      : problem(500, 'Something went wrong on our side', { code: 'internal' }),
  );
}

/** Installs the error and not-found handlers on `app`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      const status = STATUS_OF[err.code];
      const headers: Record<string, string> = {};
      if (err.code === 'rate_limited' && err.retryAfterSeconds !== undefined) {
        headers['retry-after'] = String(err.retryAfterSeconds);
      }
      return send(
        reply,
        problem(status, err.message, { code: err.code, errors: err.errors }),
        headers,
      );
    }
    const fe = err;
    if (fe.validation) {
      return send(
        reply,
        problem(400, 'The request does not match the schema', {
          code: 'validation',
          errors: validationProblems(fe.validation, fe.validationContext),
        }),
      );
    }
    switch (fe.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, problem(400, 'The body is not valid JSON', { code: 'malformed_json' }));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, problem(413, 'The body is too large', { code: 'payload_too_large' }));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(
          reply,
          problem(415, 'Use Content-Type: application/json', { code: 'media_type' }),
        );
      default:
        break;
    }
    if (err instanceof SyntaxError) {
      return send(reply, problem(400, 'The body is not valid JSON', { code: 'malformed_json' }));
    }
    const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
    if (status >= 400 && status < 500) {
      return send(reply, problem(status, fe.message, { code: `http_${status}` }));
    }
    if (isConcurrencyFailure(err)) {
      // the database undid the whole transaction: nothing was written, and a retry can succeed
      request.log.warn({ err }, 'transaction undone by a concurrent one');
      return send(
        reply,
        problem(503, 'The change met a concurrent change and was not saved; try again', {
          code: 'busy',
        }),
        { 'retry-after': '1' },
      );
    }
    request.log.error({ err }, 'unhandled error');
    return send(reply, problem(500, 'Something went wrong on our side', { code: 'internal' }));
  });

  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      problem(404, `No route ${request.method} ${request.url.split('?')[0]}`, {
        code: 'not_found',
      }),
    ),
  );
}

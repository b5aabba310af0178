/** buildApp: the Fastify application, separate from listen() so tests can inject requests. */
import AjvCompiler from '@fastify/ajv-compiler';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { installAuth } from './auth.js';
import { installReadCache } from './read-cache.js';
import { frameworkErrorHandler, installErrorHandler } from './error-handler.js';
import { installInputGuard } from './input-guard.js';
import { ProblemSchema } from './problem.js';
import { apiRoutes, sharedSchemas } from './routes.js';
import { installWeb } from './web.js';

const buildAjv = AjvCompiler();

/**
 * Two validators: query strings, params and headers arrive as text, so their values are coerced
 * ("12" → 12, one value → an array); a JSON body is taken as typed, so `null`, `true` or `"12"`
 * where a number belongs is a 400, never a silent 0 or 1.
 */
const typedBodies: AjvCompiler.ValidatorFactory = (externalSchemas, options) => {
  const custom = options?.mode === 'JTD' ? {} : (options?.customOptions ?? {});
  const withCoercion = (coerceTypes: 'array' | false) =>
    buildAjv(externalSchemas, {
      plugins: options?.plugins,
      customOptions: { ...custom, coerceTypes },
    });
  const coercing = withCoercion('array');
  const strict = withCoercion(false);
  return (route) => (route.httpPart === 'body' ? strict(route) : coercing(route));
};

export interface BuildOptions {
  /** log requests (off in tests) */
  logger?: boolean;
}

/** Builds the application: API under /api/v1, OpenAPI at /api/openapi.json and /api/docs. */
export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: false,
    frameworkErrors: frameworkErrorHandler,
    ajv: {
      // unknown fields are dropped, never stored
      customOptions: { removeAdditional: true, useDefaults: true, allErrors: true },
    },
    schemaController: { compilersFactory: { buildValidator: typedBodies } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandler(app);
  // JSON in, JSON out: a text/plain body is a wrong content type (415), not a string to validate
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Polaris API',
        version: ctx.config.version,
        description: 'OKRs for business departments. Errors are RFC 9457 problem+json.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'polaris_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addSchema(ProblemSchema);
  for (const schema of sharedSchemas) app.addSchema(schema);

  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await app.register(
    async (api) => {
      installInputGuard(api);
      installAuth(api, ctx);
      installReadCache(api, { ttlMs: ctx.config.readCacheMs });
      for (const routes of apiRoutes) await api.register(routes, { ctx });
    },
    { prefix: '/api/v1' },
  );
  await installWeb(app);
  return app;
}

/** /auth and /me routes. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf, principalOf, SESSION_COOKIE } from '../../http/auth.js';
import { errorResponses, Id, IdParams, Nullable, Timestamp, Title } from '../../http/schemas.js';
import { OrganizationSchema } from '../organizations/organizations.schema.js';
import { UserSchema } from '../users/users.schema.js';
import * as auth from './auth.service.js';
import { getMe, getSignedIn } from './me.service.js';

const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

const MeSchema = Type.Object(
  {
    id: Id,
    name: Type.String(),
    email: Type.String(),
    role: Type.String(),
    locale: Nullable(Type.String()),
    organizationId: Id,
    organization: Type.Ref(OrganizationSchema),
    unitIds: Type.Array(Id),
    leadsUnitIds: Type.Array(Id),
    csrfToken: Nullable(Type.String()),
  },
  { $id: 'Me' },
);

const ApiTokenSchema = Type.Object({
  id: Id,
  name: Type.String(),
  createdAt: Timestamp,
  lastUsedAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
});

export const authRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addSchema(MeSchema);
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.secureCookies,
    maxAge: Math.floor(ctx.config.sessionAbsoluteMs / 1000),
  };

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: LoginBody,
        response: {
          200: Type.Object({
            user: Type.Ref(UserSchema),
            organization: Type.Ref(OrganizationSchema),
            csrfToken: Type.String(),
          }),
          ...errorResponses(400, 401, 429),
        },
      },
    },
    async (req, reply) => {
      const result = await auth.login(ctx, {
        email: req.body.email,
        password: req.body.password,
        address: req.ip,
        previousSessionId: req.principal?.sessionId,
      });
      const { user, organization } = await getSignedIn(ctx, result.userId, result.organizationId);
      void reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return { user, organization, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out',
        response: { 204: Type.Null(), ...errorResponses(401, 403) },
      },
    },
    async (req, reply) => {
      await auth.logout(ctx, principalOf(req));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who am I',
        response: { 200: Type.Ref(MeSchema), ...errorResponses(401) },
      },
    },
    async (req) => getMe(ctx, principalOf(req)),
  );

  app.get(
    '/me/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'My API tokens (never the secrets)',
        response: {
          200: Type.Object({ items: Type.Array(ApiTokenSchema) }),
          ...errorResponses(401),
        },
      },
    },
    async (req) => ({ items: await auth.listApiTokens(ctx, actorOf(req)) }),
  );

  app.post(
    '/me/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API token (shown once)',
        body: Type.Object({ name: Title }, { additionalProperties: false }),
        response: {
          201: Type.Object({
            id: Id,
            name: Type.String(),
            token: Type.String(),
            createdAt: Timestamp,
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const created = await auth.createApiToken(ctx, actorOf(req), req.body.name);
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/me/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await auth.revokeApiToken(ctx, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};

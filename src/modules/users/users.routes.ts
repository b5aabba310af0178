/** /users: the organization's people. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf, principalOf } from '../../http/auth.js';
import { errorResponses, IdParams, Page } from '../../http/schemas.js';
import { IfMatchHeaders, setEtag } from '../../http/versioning.js';
import { CreateUserBody, UpdateUserBody, UserListQuery, UserSchema } from './users.schema.js';
import * as users from './users.service.js';

const User = Type.Ref(UserSchema);

export const usersRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List people (by name), with their unitIds',
        querystring: UserListQuery,
        response: { 200: Page(User), ...errorResponses(400, 401) },
      },
    },
    async (req) => users.listUsers(ctx, actorOf(req), req.query),
  );

  app.get(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'One person, with their unitIds',
        params: IdParams,
        response: { 200: User, ...errorResponses(401, 404) },
      },
    },
    async (req, reply) => {
      const user = await users.getUser(ctx, actorOf(req), req.params.id);
      setEtag(reply, user.version);
      return user;
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Add a person (admins); 409 when the email is taken',
        body: CreateUserBody,
        response: { 201: User, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const user = await users.createUser(ctx, actorOf(req), req.body);
      setEtag(reply, user.version);
      return reply.code(201).send(user);
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a person (admins), or your own name, locale and password',
        description:
          "Deactivating ends the user's sessions and stops their API tokens. The last active admin " +
          'cannot be demoted or deactivated (409).',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateUserBody,
        response: { 200: User, ...errorResponses(400, 401, 403, 404, 409, 412, 422) },
      },
    },
    async (req, reply) => {
      const user = await users.updateUser(
        ctx,
        principalOf(req),
        req.params.id,
        req.body,
        req.headers['if-match'],
      );
      setEtag(reply, user.version);
      return user;
    },
  );
};

/** /comments: discussion on plans, objectives, key results and check-ins. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Page } from '../../http/schemas.js';
import { IfMatchHeaders, withEtag } from '../plans/http.js';
import {
  CommentSchema,
  CreateCommentBody,
  ListCommentsQuery,
  UpdateCommentBody,
} from './comments.schema.js';
import * as comments from './comments.service.js';

const Comment = Type.Ref(CommentSchema);

export const commentRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/comments',
    {
      schema: {
        tags: ['comments'],
        summary: 'The comments on a plan, objective, key result or check-in, oldest first',
        querystring: ListCommentsQuery,
        response: { 200: Page(Comment), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => comments.listComments(ctx, actorOf(req), req.query),
  );

  app.post(
    '/comments',
    {
      schema: {
        tags: ['comments'],
        summary: 'Comment on something you can read; mentioned people are notified',
        description:
          'The body is plain text, stored and returned exactly as sent (never interpreted as ' +
          'HTML). `mentions` are user ids of the organization who can read the target (422 ' +
          'otherwise).',
        body: CreateCommentBody,
        response: { 201: Comment, ...errorResponses(400, 401, 404, 422) },
      },
    },
    async (req, reply) => {
      const created = await comments.createComment(ctx, actorOf(req), req.body);
      return reply.code(201).send(withEtag(reply, created));
    },
  );

  app.get(
    '/comments/:id',
    {
      schema: {
        tags: ['comments'],
        summary: 'One comment',
        params: IdParams,
        response: { 200: Comment, ...errorResponses(401, 404) },
      },
    },
    async (req, reply) =>
      withEtag(reply, await comments.getComment(ctx, actorOf(req), req.params.id)),
  );

  app.patch(
    '/comments/:id',
    {
      schema: {
        tags: ['comments'],
        summary: 'Edit your comment (If-Match honoured); newly mentioned people are notified',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateCommentBody,
        response: { 200: Comment, ...errorResponses(400, 401, 403, 404, 412, 422) },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await comments.updateComment(
          ctx,
          actorOf(req),
          req.params.id,
          req.body,
          req.headers['if-match'],
        ),
      ),
  );

  app.delete(
    '/comments/:id',
    {
      schema: {
        tags: ['comments'],
        summary: 'Delete a comment (its author or an admin)',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 412) },
      },
    },
    async (req, reply) => {
      await comments.deleteComment(ctx, actorOf(req), req.params.id, req.headers['if-match']);
      return reply.code(204).send(null);
    },
  );
};

/** /requests (cross-department requests, 协同) and /cycles/:id/support-links. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Page } from '../../http/schemas.js';
import { IfMatchHeaders, withEtag } from '../plans/http.js';
import {
  AcceptRequestBody,
  CreateRequestBody,
  DeclineRequestBody,
  ListRequestsQuery,
  SupportLinksSchema,
  SupportRequestSchema,
  WithdrawRequestBody,
} from './requests.schema.js';
import * as requests from './requests.service.js';

const SupportRequest = Type.Ref(SupportRequestSchema);

export const requestRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.addSchema(SupportLinksSchema);

  app.post(
    '/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'Ask another unit to support an objective (the plan’s writers)',
        description:
          'The leader of `toUnitId` is notified. One open request per objective and unit (409). ' +
          'A private objective cannot be shared (422 request.private_objective).',
        body: CreateRequestBody,
        response: { 201: SupportRequest, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const created = await requests.createRequest(ctx, actorOf(req), req.body);
      return reply.code(201).send(withEtag(reply, created));
    },
  );

  app.get(
    '/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'Requests to units I lead (incoming) and from me or my plans (outgoing)',
        querystring: ListRequestsQuery,
        response: { 200: Page(SupportRequest), ...errorResponses(400, 401) },
      },
    },
    async (req) => requests.listRequests(ctx, actorOf(req), req.query),
  );

  app.get(
    '/requests/:id',
    {
      schema: {
        tags: ['requests'],
        summary: 'One request',
        params: IdParams,
        response: { 200: SupportRequest, ...errorResponses(401, 404) },
      },
    },
    async (req, reply) =>
      withEtag(reply, await requests.getRequest(ctx, actorOf(req), req.params.id)),
  );

  app.post(
    '/requests/:id/accept',
    {
      schema: {
        tags: ['requests'],
        summary: 'Accept: add a supporting objective or key result to the unit’s plan',
        description:
          'The leader of the unit asked, or an admin. `as: objective` adds an objective to the ' +
          'unit’s plan (`planId`, default: its plan in the request’s cycle, created as a draft when ' +
          'missing); `as: keyResult` adds a key result to the unit’s objective `objectiveId`. ' +
          'The new objective is linked to the requesting one by a support link (not an ' +
          'alignment). The plan’s rules apply: 409 when it is in review or closed.',
        params: IdParams,
        headers: IfMatchHeaders,
        body: AcceptRequestBody,
        response: { 200: SupportRequest, ...errorResponses(400, 401, 403, 404, 409, 412, 422) },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await requests.acceptRequest(
          ctx,
          actorOf(req),
          req.params.id,
          req.body,
          req.headers['if-match'],
        ),
      ),
  );

  app.post(
    '/requests/:id/decline',
    {
      schema: {
        tags: ['requests'],
        summary: 'Decline with a reason (the unit’s leader or an admin); nothing is created',
        params: IdParams,
        headers: IfMatchHeaders,
        body: DeclineRequestBody,
        response: { 200: SupportRequest, ...errorResponses(400, 401, 403, 404, 409, 412, 422) },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await requests.declineRequest(
          ctx,
          actorOf(req),
          req.params.id,
          req.body,
          req.headers['if-match'],
        ),
      ),
  );

  app.post(
    '/requests/:id/withdraw',
    {
      schema: {
        tags: ['requests'],
        summary: 'Withdraw an open request (the requester or an admin)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: WithdrawRequestBody,
        response: { 200: SupportRequest, ...errorResponses(400, 401, 403, 404, 409, 412) },
      },
    },
    async (req, reply) =>
      withEtag(
        reply,
        await requests.withdrawRequest(
          ctx,
          actorOf(req),
          req.params.id,
          req.body,
          req.headers['if-match'],
        ),
      ),
  );

  app.get(
    '/cycles/:id/support-links',
    {
      schema: {
        tags: ['requests', 'alignment'],
        summary: 'Cross-department support links with an end in the cycle',
        description:
          '`from` is the supporting objective, `to` the supported one (`fromKeyResultId` when the ' +
          'support is one key result of `from`). Links touching a private objective the caller ' +
          'may not read are left out.',
        params: IdParams,
        response: { 200: Type.Ref(SupportLinksSchema), ...errorResponses(401, 404) },
      },
    },
    async (req) => requests.listSupportLinks(ctx, actorOf(req), req.params.id),
  );
};

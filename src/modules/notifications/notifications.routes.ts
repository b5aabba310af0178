/** /notifications (with read state) and /inbox. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Page } from '../../http/schemas.js';
import { InboxSchema } from './inbox.schema.js';
import { getInbox } from './inbox.service.js';
import { ListNotificationsQuery, NotificationSchema } from './notifications.schema.js';
import * as notifications from './notifications.service.js';

const Notification = Type.Ref(NotificationSchema);
const NoBody = Type.Object({}, { additionalProperties: false });

export const notificationRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.addSchema(InboxSchema);

  app.get(
    '/inbox',
    {
      schema: {
        tags: ['notifications'],
        summary: 'What waits for me: reviews, plans sent back, due check-ins, mentions, requests',
        response: { 200: Type.Ref(InboxSchema), ...errorResponses(401) },
      },
    },
    async (req) => getInbox(ctx, actorOf(req)),
  );

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first (unread=true: only unread)',
        querystring: ListNotificationsQuery,
        response: { 200: Page(Notification), ...errorResponses(400, 401) },
      },
    },
    async (req) => notifications.listNotifications(ctx, actorOf(req), req.query),
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        body: Type.Optional(NoBody),
        response: {
          200: Type.Object({ updated: Type.Integer() }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (req) => notifications.readAllNotifications(ctx, actorOf(req)),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications read (404 for anyone else’s)',
        params: IdParams,
        body: Type.Optional(NoBody),
        response: { 200: Notification, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => notifications.readNotification(ctx, actorOf(req), req.params.id),
  );
};

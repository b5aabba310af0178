/** /organization: the caller's organization and its settings. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses } from '../../http/schemas.js';
import { OrganizationSchema, UpdateOrganizationBody } from './organizations.schema.js';
import * as organizations from './organizations.service.js';
import { IfMatchHeaders, setEtag } from '../../http/versioning.js';

const Organization = Type.Ref(OrganizationSchema);

export const organizationRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/organization',
    {
      schema: {
        tags: ['organization'],
        summary: 'Your organization with its settings',
        response: { 200: Organization, ...errorResponses(401) },
      },
    },
    async (req, reply) => {
      const organization = await organizations.getOrganization(ctx, actorOf(req));
      setEtag(reply, organization.version);
      return organization;
    },
  );

  app.patch(
    '/organization',
    {
      schema: {
        tags: ['organization'],
        summary: 'Change name, locale, timezone or settings (admins)',
        description:
          'settings merge into the stored ones: send only what changes. 422 for an unknown time ' +
          'zone, offTrack below atRisk, or maxKeyResultsPerObjective below the minimum.',
        headers: IfMatchHeaders,
        body: UpdateOrganizationBody,
        response: { 200: Organization, ...errorResponses(400, 401, 403, 412, 422) },
      },
    },
    async (req, reply) => {
      const organization = await organizations.updateOrganization(
        ctx,
        actorOf(req),
        req.body,
        req.headers['if-match'],
      );
      setEtag(reply, organization.version);
      return organization;
    },
  );
};

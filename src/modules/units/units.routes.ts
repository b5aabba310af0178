/** /units: the unit tree and its memberships. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { errorResponses, IdParams, Page } from '../../http/schemas.js';
import { IfMatchHeaders, setEtag } from '../../http/versioning.js';
import {
  CreateUnitBody,
  MemberParams,
  UnitDetailSchema,
  UnitListQuery,
  UnitSchema,
  UpdateUnitBody,
} from './units.schema.js';
import * as units from './units.service.js';

const UnitDetail = Type.Ref(UnitDetailSchema);

export const unitsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary:
          'All units as a flat list with parentId (default limit 1000: a whole organization)',
        querystring: UnitListQuery,
        response: { 200: Page(Type.Ref(UnitSchema)), ...errorResponses(400, 401) },
      },
    },
    async (req) => units.listUnits(ctx, actorOf(req), req.query),
  );

  app.get(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'One unit with its members and child unit ids',
        params: IdParams,
        response: { 200: UnitDetail, ...errorResponses(401, 404) },
      },
    },
    async (req, reply) => {
      const unit = await units.getUnit(ctx, actorOf(req), req.params.id);
      setEtag(reply, unit.version);
      return unit;
    },
  );

  app.post(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Add a unit under a parent (admins); the leader becomes a member',
        body: CreateUnitBody,
        response: { 201: UnitDetail, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (req, reply) => {
      const unit = await units.createUnit(ctx, actorOf(req), req.body);
      setEtag(reply, unit.version);
      return reply.code(201).send(unit);
    },
  );

  app.patch(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'Rename, move or change the leader of a unit (admins)',
        description:
          'A move under the unit itself or a descendant is 422; the root keeps no parent.',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateUnitBody,
        response: { 200: UnitDetail, ...errorResponses(400, 401, 403, 404, 412, 422) },
      },
    },
    async (req, reply) => {
      const unit = await units.updateUnit(
        ctx,
        actorOf(req),
        req.params.id,
        req.body,
        req.headers['if-match'],
      );
      setEtag(reply, unit.version);
      return unit;
    },
  );

  app.delete(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'Delete a unit (admins); 409 for the root or while it has child units or plans',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409, 412) },
      },
    },
    async (req, reply) => {
      await units.deleteUnit(ctx, actorOf(req), req.params.id, req.headers['if-match']);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/units/:id/members/:userId',
    {
      schema: {
        tags: ['units'],
        summary: 'Add a member (admins); idempotent: 204 whether or not they were one already',
        params: MemberParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await units.addMember(ctx, actorOf(req), req.params.id, req.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/units/:id/members/:userId',
    {
      schema: {
        tags: ['units'],
        summary: "Remove a member (admins); idempotent 204; 409 for the unit's leader",
        params: MemberParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await units.removeMember(ctx, actorOf(req), req.params.id, req.params.userId);
      return reply.code(204).send(null);
    },
  );
};

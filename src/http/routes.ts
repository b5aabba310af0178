/** Every route plugin of the v1 API and the schemas they share by $id. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import type { AppContext } from '../context.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { healthRoutes } from '../modules/health/health.routes.js';
import { OrganizationSchema } from '../modules/organizations/organizations.schema.js';
import { UserSchema } from '../modules/users/users.schema.js';

export type ApiRoutes = FastifyPluginAsyncTypebox<{ ctx: AppContext }>;

export const sharedSchemas: TSchema[] = [UserSchema, OrganizationSchema];

export const apiRoutes: ApiRoutes[] = [healthRoutes, authRoutes];

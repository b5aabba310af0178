/** Replies whose JSON was made before the handler returned. */
import type { FastifyReply } from 'fastify';

/**
 * Sends `json`, which already is the route's response made by the same serializer the route would
 * use (a kept plan read, a map from the alignment thread). Taking the untyped reply keeps the
 * routes' type provider, which types the object form of their responses, out of the way.
 */
export function sendSerialized(reply: FastifyReply, json: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}

import { randomUUID } from 'node:crypto';

/** A new opaque id. */
export function newId(): string {
  return randomUUID();
}

/**
 * Text the databases cannot take: PostgreSQL refuses the NUL character (U+0000) in text, so a
 * `\u0000` in a body, a path or a query string would fail deep in a query with a 500. It is
 * refused up front, on both engines alike, with a 400 naming each field.
 */
import type { FastifyInstance } from 'fastify';
import { badRequest, type FieldProblem } from '../domain/errors.js';
import { jsonPointerToPath } from './error-handler.js';

const NUL = '\u0000';

/**
 * The paths (`title`, `objectives[0].title`, `params.id`) of the strings inside `value` that
 * contain NUL, `prefix` first. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function nulPaths(value: unknown, prefix: string): string[] {
  const out: string[] = [];
  const stack: Array<{ value: unknown; pointer: string }> = [{ value, pointer: '' }];
  while (stack.length > 0) {
    const { value: v, pointer } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes(NUL)) {
        const path = jsonPointerToPath(pointer);
        out.push(prefix && path ? `${prefix}.${path}` : prefix || path || 'body');
      }
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, child] of Object.entries(v)) {
        stack.push({
          value: child,
          pointer: `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        });
      }
    }
  }
  return out.reverse();
}

/** Installs the check on every route under `app` (before schema validation). */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const paths = [
      ...nulPaths(req.params, 'params'),
      ...nulPaths(req.query, 'querystring'),
      ...nulPaths(req.body, ''),
    ];
    if (paths.length === 0) return;
    const problems: FieldProblem[] = paths.map((path) => ({
      path,
      message: 'must not contain the NUL character (U+0000)',
      code: 'text.nul',
    }));
    throw badRequest('Text must not contain the NUL character (U+0000)', problems);
  });
}

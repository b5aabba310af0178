/** Drag-to-order: a reorder request must list every item of the set exactly once. */
import { unprocessable } from '../../domain/errors.js';

/** 422 unless `ids` lists each of `current` exactly once. */
export function assertPermutation(
  ids: readonly string[],
  current: readonly string[],
  path: string,
): void {
  const wanted = new Set(current);
  const given = new Set(ids);
  if (given.size === ids.length && ids.length === wanted.size && ids.every((i) => wanted.has(i))) {
    return;
  }
  throw unprocessable('List each item exactly once', [
    {
      path,
      message: `must list each of the ${wanted.size} items exactly once`,
      code: 'reorder.not_a_permutation',
    },
  ]);
}

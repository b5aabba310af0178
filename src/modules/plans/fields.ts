/** Checks shared by the tree's request bodies: titles that are not blank, owners that exist. */
import type { DbOrTrx } from '../../context.js';
import type { FieldProblem } from '../../domain/errors.js';
import { userExists } from '../key-results/key-results.repository.js';

/** Problems with a request's `title` (blank) and `ownerId` (not a user of the organization). */
export async function titleAndOwnerProblems(
  db: DbOrTrx,
  orgId: string,
  input: { title?: string; ownerId?: string | null },
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.title !== undefined && input.title.trim() === '') {
    problems.push({ path: 'title', message: 'must not be blank', code: 'text.blank' });
  }
  if (input.ownerId && !(await userExists(db, orgId, input.ownerId))) {
    problems.push({
      path: 'ownerId',
      message: 'is not a user of this organization',
      code: 'user.unknown',
    });
  }
  return problems;
}

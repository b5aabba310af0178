/**
 * Comments on plans, objectives, key results and check-ins. Whoever reads the target reads and
 * writes its comments; authors edit their own; authors and admins delete. Bodies are plain text,
 * stored and returned exactly as sent. @mentions are user ids of the organization who can read
 * the target; each mentioned person is notified once per comment.
 */
import type { AppContext, DbOrTrx } from '../../context.js';
import {
  AppError,
  forbidden,
  notFound,
  unprocessable,
  type FieldProblem,
} from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import { decodeCursor, page } from '../../shared/cursor.js';
import { newId } from '../../shared/ids.js';
import { insertAudit } from '../audit/audit.repository.js';
import { notify } from '../notifications/notifications.service.js';
import { assertIfMatch, changedMeanwhile } from '../plans/http.js';
import * as repo from './comments.repository.js';
import {
  parseMentions,
  toComment,
  type Comment,
  type CreateCommentInput,
  type ListCommentsInput,
  type UpdateCommentInput,
} from './comments.schema.js';
import { resolveTarget, type CommentTarget } from './target.js';

const EXCERPT = 200;

function assertBody(body: string): void {
  if (body.trim() === '') {
    throw unprocessable('The comment is blank', [
      { path: 'body', message: 'must not be blank', code: 'text.blank' },
    ]);
  }
}

/** Each mention once, in the order given. */
const uniqueIds = (ids: readonly string[]): string[] => [...new Set(ids)];

/**
 * 422 unless every mention is an active user of the organization who may read the target (a
 * mention of someone who could not open it would leak it, or lead nowhere).
 */
async function assertMentions(
  db: DbOrTrx,
  actor: Actor,
  target: CommentTarget,
  mentions: readonly string[],
): Promise<void> {
  const users = new Map(
    (await repo.usersForMention(db, actor.organizationId, mentions)).map((u) => [u.id, u]),
  );
  const problems: FieldProblem[] = [];
  mentions.forEach((id, i) => {
    const path = `mentions[${i}]`;
    const user = users.get(id);
    if (!user) {
      problems.push({ path, message: 'is not a user of this organization', code: 'user.unknown' });
    } else if (user.active !== 1) {
      problems.push({ path, message: 'is not an active user', code: 'user.inactive' });
    } else if (
      !policy.commentOn(
        { userId: user.id, organizationId: actor.organizationId, role: user.role },
        target.facts,
        target.visibility,
      )
    ) {
      problems.push({
        path,
        message: 'may not read what is commented on',
        code: 'mention.no_access',
      });
    }
  });
  if (problems.length > 0) throw unprocessable('A mention is not valid', problems);
}

async function notifyMentions(
  db: DbOrTrx,
  actor: Actor,
  target: CommentTarget,
  comment: { id: string; body: string },
  userIds: readonly string[],
  at: string,
): Promise<void> {
  await notify(
    db,
    actor.organizationId,
    at,
    userIds.map((userId) => ({
      userId,
      kind: 'mention' as const,
      dedupeKey: comment.id,
      actorId: actor.userId,
      targetType: 'comment',
      targetId: comment.id,
      planId: target.planId,
      title: target.title,
      data: {
        commentId: comment.id,
        commentTargetType: target.type,
        commentTargetId: target.id,
        excerpt: comment.body.slice(0, EXCERPT),
      },
    })),
  );
}

async function present(db: DbOrTrx, orgId: string, id: string): Promise<Comment> {
  const row = await repo.findComment(db, orgId, id);
  if (!row) throw notFound('Comment');
  return toComment(row);
}

/** GET /comments?targetType=&targetId= — the target's readers; oldest first. */
export async function listComments(
  ctx: AppContext,
  actor: Actor,
  q: ListCommentsInput,
): Promise<{ items: Comment[]; nextCursor: string | null }> {
  await resolveTarget(ctx.db, actor, q.targetType, q.targetId);
  const limit = q.limit ?? 100;
  const [at, id] = decodeCursor(q.cursor, 2) ?? [];
  const rows = await repo.listComments(
    ctx.db,
    actor.organizationId,
    { type: q.targetType, id: q.targetId },
    { limit, ...(at !== undefined && id !== undefined ? { after: { at, id } } : {}) },
  );
  const { items, nextCursor } = page(rows, limit, (r) => [r.created_at, r.id]);
  return { items: items.map(toComment), nextCursor };
}

/** A comment and its target, as `actor` may see them; 404 otherwise. */
async function loadComment(db: DbOrTrx, actor: Actor, id: string) {
  const row = await repo.findComment(db, actor.organizationId, id);
  if (!row) throw notFound('Comment');
  try {
    return { row, target: await resolveTarget(db, actor, row.target_type, row.target_id) };
  } catch (e) {
    // a hidden target hides its comments
    if (e instanceof AppError && e.code === 'not_found') throw notFound('Comment');
    throw e;
  }
}

/** GET /comments/:id */
export async function getComment(ctx: AppContext, actor: Actor, id: string): Promise<Comment> {
  const { row } = await loadComment(ctx.db, actor, id);
  return toComment(row);
}

/** POST /comments — readers of the target; mentions are notified. */
export async function createComment(
  ctx: AppContext,
  actor: Actor,
  input: CreateCommentInput,
): Promise<Comment> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const id = newId();
  const mentions = uniqueIds(input.mentions ?? []);
  await ctx.db.transaction().execute(async (trx) => {
    const target = await resolveTarget(trx, actor, input.targetType, input.targetId);
    assertBody(input.body);
    await assertMentions(trx, actor, target, mentions);
    await repo.insertComment(trx, {
      id,
      organization_id: orgId,
      target_type: target.type,
      target_id: target.id,
      plan_id: target.planId,
      objective_id: target.objectiveId,
      key_result_id: target.keyResultId,
      check_in_id: target.checkInId,
      author_id: actor.userId,
      body: input.body,
      mentions: JSON.stringify(mentions),
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'comment.create',
      targetType: 'comment',
      targetId: id,
      after: { targetType: target.type, targetId: target.id, body: input.body, mentions },
      at: now,
    });
    await notifyMentions(trx, actor, target, { id, body: input.body }, mentions, now);
  });
  return present(ctx.db, orgId, id);
}

/** PATCH /comments/:id — the author only (If-Match honoured); new mentions are notified. */
export async function updateComment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateCommentInput,
  ifMatch: string | undefined,
): Promise<Comment> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const { row, target } = await loadComment(trx, actor, id);
    if (!policy.editComment(actor, { authorId: row.author_id })) {
      throw forbidden('Only its author may edit a comment');
    }
    assertIfMatch(ifMatch, row.version);
    const body = input.body ?? row.body;
    assertBody(body);
    const before = parseMentions(row.mentions);
    const mentions = input.mentions !== undefined ? uniqueIds(input.mentions) : before;
    await assertMentions(trx, actor, target, mentions);
    const changed = await repo.updateComment(trx, orgId, id, row.version, {
      body,
      mentions: JSON.stringify(mentions),
      updated_at: now,
    });
    if (!changed) throw changedMeanwhile();
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'comment.update',
      targetType: 'comment',
      targetId: id,
      before: { body: row.body, mentions: before },
      after: { body, mentions },
      at: now,
    });
    const added = mentions.filter((m) => !before.includes(m));
    await notifyMentions(trx, actor, target, { id, body }, added, now);
  });
  return present(ctx.db, orgId, id);
}

/** DELETE /comments/:id — its author or an admin (If-Match honoured). */
export async function deleteComment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  ifMatch: string | undefined,
): Promise<void> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadComment(trx, actor, id);
    if (!policy.deleteComment(actor, { authorId: row.author_id })) {
      throw forbidden('Only its author or an admin may delete a comment');
    }
    assertIfMatch(ifMatch, row.version);
    await repo.deleteComment(trx, orgId, id);
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'comment.delete',
      targetType: 'comment',
      targetId: id,
      before: {
        targetType: row.target_type,
        targetId: row.target_id,
        authorId: row.author_id,
        body: row.body,
      },
      at: now,
    });
  });
}

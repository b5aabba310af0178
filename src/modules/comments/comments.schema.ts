/** The API shape of a comment and its request bodies. Bodies are plain text, returned as stored. */
import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, PageQuery, Timestamp } from '../../http/schemas.js';
import type { CommentView } from './comments.repository.js';

export const CommentTargetType = Type.Union([
  Type.Literal('plan'),
  Type.Literal('objective'),
  Type.Literal('keyResult'),
  Type.Literal('checkIn'),
]);

/** plain text, never HTML: stored and returned exactly as sent; the UI renders it escaped */
const Body = Type.String({ minLength: 1, maxLength: 5000 });
/** user ids of the same organization; each is notified once */
const Mentions = Type.Array(Id, { maxItems: 50 });

export const CommentSchema = Type.Object(
  {
    id: Id,
    targetType: CommentTargetType,
    targetId: Id,
    planId: Id,
    body: Type.String(),
    mentions: Type.Array(Id),
    authorId: Id,
    authorName: Nullable(Type.String()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    /** changed after it was written */
    edited: Type.Boolean(),
    version: Type.Integer(),
  },
  { $id: 'Comment' },
);
export type Comment = Static<typeof CommentSchema>;

export const ListCommentsQuery = Type.Object(
  { targetType: CommentTargetType, targetId: Id, ...PageQuery },
  { additionalProperties: false },
);
export type ListCommentsInput = Static<typeof ListCommentsQuery>;

export const CreateCommentBody = Type.Object(
  { targetType: CommentTargetType, targetId: Id, body: Body, mentions: Type.Optional(Mentions) },
  { additionalProperties: false },
);
export type CreateCommentInput = Static<typeof CreateCommentBody>;

export const UpdateCommentBody = Type.Object(
  { body: Type.Optional(Body), mentions: Type.Optional(Mentions) },
  { additionalProperties: false },
);
export type UpdateCommentInput = Static<typeof UpdateCommentBody>;

/** stored `mentions` JSON → ids (anything unreadable counts as none) */
export function parseMentions(text: string): string[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** row → API */
export function toComment(row: CommentView): Comment {
  return {
    id: row.id,
    targetType: row.target_type,
    targetId: row.target_id,
    planId: row.plan_id,
    body: row.body,
    mentions: parseMentions(row.mentions),
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    edited: row.version > 1,
    version: row.version,
  };
}

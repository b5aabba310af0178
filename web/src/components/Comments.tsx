/**
 * Comments on a target (a key result, …): plain text rendered escaped (React text, never HTML),
 * newest last; the author edits or deletes their own, an admin deletes any. A failed save keeps
 * what was typed. Typing `@` opens a list of the organization's people (filtered by name or email,
 * chosen by ↑/↓/Enter or the mouse, closed by Escape); each `@name` left in the text is sent as a
 * mention, and the mentioned person is notified.
 */
import { Button, Card, Mentions, Popconfirm, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { comments as commentsApi } from '../api/endpoints';
import type { Comment, CommentTargetType } from '../api/types';
import { useOrgData } from '../app/org-data';
import { useMe } from '../app/session';
import {
  matchesMention,
  mentionCandidates,
  mentionedIds,
  splitMentions,
  type MentionCandidate,
} from '../lib/mentions';
import { useAsync } from '../hooks/useAsync';
import { useSubmit } from '../hooks/useSubmit';
import { useFeedback } from './feedback';
import { ProblemAlert, useDescribe } from './problems';
import { AsyncView, EmptyState } from './states';

export function Comments({
  targetType,
  targetId,
}: {
  targetType: CommentTargetType;
  targetId: string;
}) {
  const { t } = useTranslation();
  const state = useAsync(() => commentsApi.list(targetType, targetId), [targetType, targetId]);
  const [draft, setDraft] = useState('');
  const { busy, error, run } = useSubmit();
  const inputId = `comment-new-${targetId}`;
  const { pickable } = useMentionPeople();

  const post = async () => {
    if (draft.trim() === '') return;
    await run(async () => {
      const body = draft.trim();
      const created = await commentsApi.create(
        targetType,
        targetId,
        body,
        mentionedIds(body, pickable),
      );
      state.setData((old) => [...(old ?? []), created]);
      setDraft('');
    });
  };

  return (
    <Card
      title={
        <h2 className="card-title">{t('comments.heading', { count: state.data?.length ?? 0 })}</h2>
      }
    >
      <AsyncView
        {...state}
        reload={() => void state.reload()}
        errorTitle={t('comments.loadFailed')}
        rows={2}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState description={t('comments.none')} />}
      >
        {(items) => (
          <ul className="plain-list comment-list">
            {items.map((c) => (
              <CommentItem
                key={c.id}
                comment={c}
                onChanged={(next) =>
                  state.setData((old) =>
                    next === null
                      ? (old ?? []).filter((x) => x.id !== c.id)
                      : (old ?? []).map((x) => (x.id === c.id ? next : x)),
                  )
                }
              />
            ))}
          </ul>
        )}
      </AsyncView>
      <form
        className="comment-form"
        onSubmit={(e) => {
          e.preventDefault();
          void post();
        }}
      >
        <label htmlFor={inputId}>{t('comments.new')}</label>
        <MentionInput id={inputId} value={draft} onChange={setDraft} candidates={pickable} />
        {error !== undefined ? (
          <ProblemAlert error={error} title={t('comments.postFailed')} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy} disabled={draft.trim() === ''}>
          {t('comments.post')}
        </Button>
      </form>
    </Card>
  );
}

function CommentItem({
  comment,
  onChanged,
}: {
  comment: Comment;
  onChanged: (next: Comment | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { message } = useFeedback();
  const describe = useDescribe();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(comment.body);
  const { busy, error, run } = useSubmit();
  const { pickable, everyone } = useMentionPeople();
  const mine = comment.authorId === me.id;
  const editId = `comment-edit-${comment.id}`;

  const save = async () => {
    if (text.trim() === '') return;
    await run(async () => {
      const body = text.trim();
      onChanged(
        await commentsApi.update(comment.id, body, comment.version, mentionedIds(body, pickable)),
      );
      setEditing(false);
    });
  };

  const remove = async () => {
    try {
      await commentsApi.remove(comment.id, comment.version);
      onChanged(null);
    } catch (e) {
      void message.error(describe(e).message);
    }
  };

  return (
    <li className="comment-item">
      <div className="comment-meta">
        <strong>{comment.authorName ?? ''}</strong>{' '}
        <span className="muted small">
          {new Date(comment.createdAt).toLocaleString(i18n.language)}
          {comment.edited ? ` · ${t('comments.edited')}` : ''}
        </span>
      </div>
      {editing ? (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor={editId} className="sr-only">
            {t('comments.editLabel')}
          </label>
          <MentionInput id={editId} value={text} onChange={setText} candidates={pickable} />
          {error !== undefined ? <ProblemAlert error={error} /> : null}
          <Space>
            <Button type="primary" size="small" htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
            <Button size="small" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </Space>
        </form>
      ) : (
        <div className="comment-body pre-line">
          {splitMentions(
            comment.body,
            everyone.filter((c) => comment.mentions.includes(c.id)),
          ).map((part, i) =>
            part.userId ? (
              <strong key={i} className="comment-mention">
                {part.text}
              </strong>
            ) : (
              part.text
            ),
          )}
        </div>
      )}
      {!editing && (mine || me.role === 'admin') ? (
        <Space size={4}>
          {mine ? (
            <Button
              type="link"
              size="small"
              onClick={() => {
                setText(comment.body);
                setEditing(true);
              }}
            >
              {t('common.edit')}
            </Button>
          ) : null}
          <Popconfirm
            title={t('comments.deleteConfirm')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            onConfirm={remove}
          >
            <Button type="link" size="small">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ) : null}
    </li>
  );
}

/** The people a comment may mention (active, not me) and everyone (to show past mentions). */
function useMentionPeople(): { pickable: MentionCandidate[]; everyone: MentionCandidate[] } {
  const me = useMe();
  const { users } = useOrgData();
  return useMemo(
    () => ({
      pickable: mentionCandidates(users, me.id),
      everyone: mentionCandidates(users.map((u) => ({ ...u, active: true }))),
    }),
    [users, me.id],
  );
}

/** A comment text box with the @mention picker (antd Mentions: the focus stays in the box). */
function MentionInput({
  id,
  value,
  onChange,
  candidates,
}: {
  id: string;
  value: string;
  onChange: (text: string) => void;
  candidates: readonly MentionCandidate[];
}) {
  const { t } = useTranslation();
  const byToken = useMemo(() => new Map(candidates.map((c) => [c.token, c])), [candidates]);
  const hintId = `${id}-hint`;
  return (
    <>
      <Mentions
        id={id}
        value={value}
        onChange={onChange}
        maxLength={5000}
        autoSize={{ minRows: 2, maxRows: 6 }}
        prefix="@"
        placement="bottom"
        aria-describedby={hintId}
        notFoundContent={t('comments.mentionNone')}
        popupClassName="mention-popup"
        filterOption={(typed, option) => {
          const c = byToken.get(String(option.value ?? ''));
          return c !== undefined && matchesMention(c, typed);
        }}
        options={candidates.map((c) => ({
          key: c.id,
          value: c.token,
          label: (
            <span className="mention-option">
              <span>{c.name}</span> <span className="muted small">{c.email}</span>
            </span>
          ),
        }))}
      />
      <div id={hintId} className="muted small">
        {t('comments.mentionHint')}
      </div>
    </>
  );
}

/**
 * Comments on a target (a key result, …): plain text rendered escaped (React text, never HTML),
 * newest last; the author edits or deletes their own, an admin deletes any. A failed save keeps
 * what was typed.
 */
import { Button, Card, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { comments as commentsApi } from '../api/endpoints';
import type { Comment, CommentTargetType } from '../api/types';
import { useMe } from '../app/session';
import { useAsync } from '../hooks/useAsync';
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
  const [error, setError] = useState<unknown>(undefined);
  const [posting, setPosting] = useState(false);
  const inputId = `comment-new-${targetId}`;

  const post = async () => {
    if (draft.trim() === '') return;
    setPosting(true);
    setError(undefined);
    try {
      const created = await commentsApi.create(targetType, targetId, draft.trim());
      state.setData((old) => [...(old ?? []), created]);
      setDraft('');
    } catch (e) {
      setError(e);
    } finally {
      setPosting(false);
    }
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
        <Input.TextArea
          id={inputId}
          value={draft}
          maxLength={5000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          onChange={(e) => setDraft(e.target.value)}
        />
        {error !== undefined ? (
          <ProblemAlert error={error} title={t('comments.postFailed')} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={posting} disabled={draft.trim() === ''}>
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
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const mine = comment.authorId === me.id;
  const editId = `comment-edit-${comment.id}`;

  const save = async () => {
    if (text.trim() === '') return;
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await commentsApi.update(comment.id, text.trim(), comment.version));
      setEditing(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
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
          <Input.TextArea
            id={editId}
            value={text}
            maxLength={5000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setText(e.target.value)}
          />
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
        <div className="comment-body pre-line">{comment.body}</div>
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

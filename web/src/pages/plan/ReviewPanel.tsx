/** The review loop on a plan: history of decisions, and approve / send back for the approver. */
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Input, Modal, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../api/types';
import { ProblemAlert } from '../../components/problems';
import { useSubmit } from '../../hooks/useSubmit';

export function ReviewHistory({ reviews }: { reviews: Review[] }) {
  const { t, i18n } = useTranslation();
  if (reviews.length === 0) return <p className="muted small">{t('review.noHistory')}</p>;
  return (
    <Timeline
      items={reviews.map((r) => ({
        key: r.id,
        color:
          r.decision === 'approved'
            ? 'green'
            : r.decision === 'changes_requested'
              ? 'orange'
              : 'blue',
        content: (
          <div>
            <div>
              <strong>{r.reviewerName ?? ''}</strong> {t(`review.decision.${r.decision}`)}
            </div>
            <div className="muted small">{new Date(r.createdAt).toLocaleString(i18n.language)}</div>
            {r.comment ? <div className="review-comment">{r.comment}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

export interface ReviewActionsProps {
  onApprove: (comment: string) => Promise<void>;
  onRequestChanges: (comment: string) => Promise<void>;
}

/** Approve (comment optional) or send back (comment required); a failed decision keeps the comment. */
export function ReviewActions({ onApprove, onRequestChanges }: ReviewActionsProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'approve' | 'changes' | null>(null);
  const [comment, setComment] = useState('');
  const { busy, error, run } = useSubmit();
  const [tried, setTried] = useState(false);

  const submit = async () => {
    setTried(true);
    if (mode === 'changes' && comment.trim() === '') return;
    await run(async () => {
      if (mode === 'approve') await onApprove(comment.trim());
      else await onRequestChanges(comment.trim());
      setMode(null);
      setComment('');
      setTried(false);
    });
  };

  const missing = mode === 'changes' && tried && comment.trim() === '';
  return (
    <Card
      className="review-card"
      title={<h2 className="card-title">{t('review.yourDecision')}</h2>}
    >
      <Typography.Paragraph>{t('review.help')}</Typography.Paragraph>
      <Space wrap>
        <Button
          type="primary"
          icon={<CheckOutlined aria-hidden />}
          onClick={() => setMode('approve')}
        >
          {t('review.approve')}
        </Button>
        <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setMode('changes')}>
          {t('review.requestChanges')}
        </Button>
      </Space>
      <Modal
        open={mode !== null}
        title={mode === 'approve' ? t('review.approveTitle') : t('review.requestChangesTitle')}
        okText={mode === 'approve' ? t('review.approve') : t('review.sendBack')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setMode(null)}
      >
        <label className="block-label" htmlFor="review-comment">
          {mode === 'approve' ? t('review.commentOptional') : t('review.commentRequired')}
        </label>
        <Input.TextArea
          id="review-comment"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={5000}
          status={missing ? 'error' : undefined}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? 'review-comment-error' : undefined}
          autoFocus
        />
        {missing ? (
          <div className="field-error" id="review-comment-error" role="alert">
            {t('review.commentMissing')}
          </div>
        ) : null}
        {error !== undefined ? <ProblemAlert error={error} /> : null}
      </Modal>
    </Card>
  );
}

/** 待我审核: plans in review waiting for my decision. */
import { RightOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { plans as plansApi } from '../api/endpoints';
import { useOrgData } from '../app/org-data';
import { useMe } from '../app/session';
import { PlanStateTag } from '../components/health';
import { PageHeader } from '../components/PageHeader';
import { AsyncView, EmptyState } from '../components/states';
import { useAsync } from '../hooks/useAsync';
import { usePageTitle } from '../hooks/usePageTitle';

export default function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const org = useOrgData();
  usePageTitle(t('reviews.title'));
  const state = useAsync(() => plansApi.list({ approverId: 'me', state: 'in_review' }), [me.id]);
  return (
    <>
      <PageHeader title={t('reviews.title')} subtitle={t('reviews.subtitle')} />
      <AsyncView
        {...state}
        reload={() => void state.reload()}
        errorTitle={t('reviews.loadFailed')}
        isEmpty={(items) => items.length === 0}
        empty={
          <Card>
            <EmptyState description={t('reviews.empty')} />
          </Card>
        }
      >
        {(items) => (
          <Card>
            <ul className="plain-list review-queue">
              {items.map((p) => {
                const cycle = org.cycles.find((c) => c.id === p.cycleId);
                return (
                  <li key={p.id} className="review-item">
                    <div>
                      <Link to={`/plans/${p.id}`} className="review-item-title">
                        {t('plan.title', { owner: p.ownerName ?? '', cycle: cycle?.name ?? '' })}
                      </Link>
                      <div className="muted small">
                        {t(p.ownerType === 'unit' ? 'reviews.unitPlan' : 'reviews.personalPlan')}
                        {p.submittedAt
                          ? ` · ${t('reviews.submittedAt', { date: new Date(p.submittedAt).toLocaleString(i18n.language) })}`
                          : ''}
                      </div>
                    </div>
                    <PlanStateTag state={p.state} />
                    <Link
                      to={`/plans/${p.id}`}
                      className="link-button"
                      aria-label={t('reviews.reviewPlan', { owner: p.ownerName ?? '' })}
                    >
                      {t('reviews.review')} <RightOutlined aria-hidden />
                    </Link>
                  </li>
                );
              })}
            </ul>
          </Card>
        )}
      </AsyncView>
    </>
  );
}

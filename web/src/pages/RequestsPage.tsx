/**
 * 协同: cross-department requests to the units I lead (incoming: accept by adding an objective or
 * a key result to the unit's plan, or decline with a reason) and the ones I made (outgoing:
 * withdraw while open). `?direction=` picks the list, `?id=` highlights one request.
 */
import { Button, Input, Popconfirm, Radio, Segmented, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { plans as plansApi, requests as requestsApi } from '../api/endpoints';
import type { RequestState, SupportRequest } from '../api/types';
import { useMe } from '../app/session';
import { useFeedback } from '../components/feedback';
import { PageHeader } from '../components/PageHeader';
import { Panel } from '../components/Panel';
import { ProblemAlert } from '../components/problems';
import { ToneTag, type Tone } from '../components/ToneTag';
import { AsyncView, EmptyState } from '../components/states';
import { useAsync } from '../hooks/useAsync';
import { usePageTitle } from '../hooks/usePageTitle';
import { useSubmit } from '../hooks/useSubmit';
import {
  acceptBody,
  acceptReady,
  canAnswer,
  canWithdraw,
  createdLink,
  sortRequests,
  type AcceptChoice,
} from '../lib/collab';

type Direction = 'incoming' | 'outgoing';
type Filter = 'open' | 'all';

const STATE_TONE: Record<RequestState, Tone> = {
  open: 'blue',
  accepted: 'green',
  declined: 'red',
  withdrawn: 'grey',
};

export default function RequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const direction: Direction = params.get('direction') === 'outgoing' ? 'outgoing' : 'incoming';
  const filter: Filter = params.get('state') === 'all' ? 'all' : 'open';
  const focusId = params.get('id');
  usePageTitle(t('collab.title'));

  const state = useAsync(
    async () =>
      sortRequests(await requestsApi.list(direction, filter === 'open' ? 'open' : undefined)),
    [direction, filter],
  );

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    next.delete('id');
    setParams(next);
  };

  return (
    <>
      <PageHeader title={t('collab.title')} subtitle={t('collab.subtitle')} />
      <Space wrap className="page-alert">
        <Segmented
          aria-label={t('collab.direction')}
          value={direction}
          onChange={(v) => set('direction', String(v))}
          options={[
            { value: 'incoming', label: t('collab.incoming') },
            { value: 'outgoing', label: t('collab.outgoing') },
          ]}
        />
        <Segmented
          aria-label={t('collab.filter')}
          value={filter}
          onChange={(v) => set('state', String(v))}
          options={[
            { value: 'open', label: t('collab.onlyOpen') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      </Space>
      <AsyncView
        {...state}
        reload={() => void state.reload()}
        errorTitle={t('collab.loadFailed')}
        isEmpty={(list) => list.length === 0}
        empty={
          <Panel>
            <EmptyState
              description={
                direction === 'incoming' ? t('collab.emptyIncoming') : t('collab.emptyOutgoing')
              }
            />
          </Panel>
        }
      >
        {(list) => (
          <ul className="plain-list request-list" aria-label={t(`collab.${direction}`)}>
            {list.map((r) => (
              <RequestItem
                key={r.id}
                request={r}
                direction={direction}
                focused={r.id === focusId}
                onChanged={(updated) =>
                  state.setData((old) => old?.map((x) => (x.id === updated.id ? updated : x)))
                }
              />
            ))}
          </ul>
        )}
      </AsyncView>
    </>
  );
}

function RequestItem({
  request: r,
  direction,
  focused,
  onChanged,
}: {
  request: SupportRequest;
  direction: Direction;
  focused: boolean;
  onChanged: (r: SupportRequest) => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [mode, setMode] = useState<'idle' | 'accept' | 'decline'>('idle');
  const [ref, setRef] = useState<HTMLLIElement | null>(null);

  useEffect(() => {
    if (focused && ref) ref.scrollIntoView({ block: 'center' });
  }, [focused, ref]);

  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const headingId = `request-${r.id}`;
  const created = createdLink(r);
  const answerable = direction === 'incoming' && canAnswer(r, me);
  const withdrawable = direction === 'outgoing' && canWithdraw(r, me);

  return (
    <li ref={setRef} className={`panel request-item ${focused ? 'is-focused' : ''}`}>
      <section aria-labelledby={headingId} className="panel-body">
        <div className="request-head">
          <h2 className="card-title" id={headingId}>
            <Link to={`/plans/${r.fromPlanId}`}>{r.fromObjectiveTitle}</Link>
          </h2>
          <ToneTag tone={STATE_TONE[r.state]}>{t(`collab.state.${r.state}`)}</ToneTag>
        </div>
        <p className="muted small">
          {t('collab.fromTo', {
            requester: r.requesterName ?? '',
            owner: r.fromOwnerName ?? '',
            unit: r.toUnitName,
          })}{' '}
          · {when(r.createdAt)}
        </p>
        <div className="pre-line">{r.message}</div>
        {r.neededBy ? (
          <p className="small">
            <span className="muted">{t('collab.dueLine', { date: r.neededBy })}</span>
          </p>
        ) : null}
        {r.desiredKeyResult ? (
          <p className="small">
            <span className="muted">{t('collab.desiredKr')}：</span>
            {r.desiredKeyResult.title}
          </p>
        ) : null}
        {r.reason && (r.state === 'declined' || r.state === 'withdrawn') ? (
          <p className="small">
            <span className="muted">{t(`collab.reasonOf.${r.state}`)}：</span>
            {r.reason}
          </p>
        ) : null}
        {r.state === 'accepted' && created ? (
          <p className="small">
            <Link to={created}>
              {r.createdKeyResultId ? t('collab.openCreatedKr') : t('collab.openCreatedPlan')}
            </Link>
          </p>
        ) : null}
        {answerable && mode === 'idle' ? (
          <Space wrap>
            <Button type="primary" onClick={() => setMode('accept')}>
              {t('collab.accept')}
            </Button>
            <Button onClick={() => setMode('decline')}>{t('collab.decline')}</Button>
          </Space>
        ) : null}
        {answerable && mode === 'accept' ? (
          <AcceptForm request={r} onCancel={() => setMode('idle')} onDone={onChanged} />
        ) : null}
        {answerable && mode === 'decline' ? (
          <DeclineForm request={r} onCancel={() => setMode('idle')} onDone={onChanged} />
        ) : null}
        {withdrawable ? <WithdrawButton request={r} onDone={onChanged} /> : null}
      </section>
    </li>
  );
}

/**
 * An answer to a request (accept, decline, withdraw) in flight: `busy` while it runs, its error
 * kept to show (what was typed stays), a success message and `onDone` with the updated request.
 */
function useAnswer(onDone: (r: SupportRequest) => void) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const { busy, error, run } = useSubmit();
  const answer = (call: () => Promise<SupportRequest>, doneKey: string) =>
    run(async () => {
      const updated = await call();
      void message.success(t(doneKey));
      onDone(updated);
    });
  return { busy, error, answer };
}

function AcceptForm({
  request: r,
  onCancel,
  onDone,
}: {
  request: SupportRequest;
  onCancel: () => void;
  onDone: (r: SupportRequest) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, answer } = useAnswer(onDone);
  const [choice, setChoice] = useState<AcceptChoice>({
    as: 'objective',
    objectiveId: null,
    title: r.fromObjectiveTitle,
  });
  // the unit's objectives in the request's cycle, for "add a key result"
  const objectives = useAsync(async () => {
    if (choice.as !== 'keyResult') return null;
    const plans = await plansApi.list({
      cycleId: r.cycleId,
      ownerType: 'unit',
      ownerId: r.toUnitId,
    });
    const plan = plans[0];
    if (!plan) return [];
    const detail = await plansApi.get(plan.id);
    return [...detail.objectives].sort((a, b) => a.priority - b.priority);
  }, [choice.as, r.cycleId, r.toUnitId]);

  const ids = { objective: `accept-o-${r.id}`, title: `accept-t-${r.id}` };

  const switchTo = (as: AcceptChoice['as']) =>
    setChoice((c) => ({
      ...c,
      as,
      title:
        c.title === r.fromObjectiveTitle || c.title === (r.desiredKeyResult?.title ?? '')
          ? as === 'keyResult'
            ? (r.desiredKeyResult?.title ?? r.fromObjectiveTitle)
            : r.fromObjectiveTitle
          : c.title,
    }));

  const accept = () =>
    answer(() => requestsApi.accept(r.id, r.version, acceptBody(choice)), 'collab.accepted');

  return (
    <form
      className="retro-form request-form"
      aria-label={t('collab.acceptTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void accept();
      }}
    >
      <fieldset className="retro-field plain-fieldset">
        <legend>{t('collab.acceptAs')}</legend>
        <Radio.Group
          value={choice.as}
          onChange={(e) => switchTo(e.target.value as AcceptChoice['as'])}
          options={[
            { value: 'objective', label: t('collab.asObjective') },
            { value: 'keyResult', label: t('collab.asKeyResult') },
          ]}
        />
      </fieldset>
      {choice.as === 'keyResult' ? (
        <div className="retro-field">
          <label htmlFor={ids.objective}>{t('collab.intoObjective')}</label>
          <AsyncView
            {...objectives}
            reload={() => void objectives.reload()}
            errorTitle={t('collab.objectivesFailed')}
            rows={1}
            isEmpty={(d) => d !== null && d.length === 0}
            empty={<p className="muted small">{t('collab.noObjectives')}</p>}
          >
            {(list) => (
              <Select
                id={ids.objective}
                className="full-width"
                value={choice.objectiveId ?? undefined}
                placeholder={t('collab.pickObjective')}
                onChange={(v: string) => setChoice((c) => ({ ...c, objectiveId: v }))}
                options={(list ?? []).map((o) => ({
                  value: o.id,
                  label: `O${o.priority} ${o.title}`,
                }))}
              />
            )}
          </AsyncView>
        </div>
      ) : null}
      <div className="retro-field">
        <label htmlFor={ids.title}>
          {choice.as === 'keyResult' ? t('collab.krTitle') : t('collab.objectiveTitle')}
        </label>
        <Input
          id={ids.title}
          value={choice.title}
          maxLength={500}
          onChange={(e) => setChoice((c) => ({ ...c, title: e.target.value }))}
        />
      </div>
      <p className="muted small">{t('collab.acceptHelp')}</p>
      {error !== undefined ? <ProblemAlert error={error} title={t('collab.acceptFailed')} /> : null}
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={busy} disabled={!acceptReady(choice)}>
          {t('collab.confirmAccept')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </form>
  );
}

function DeclineForm({
  request: r,
  onCancel,
  onDone,
}: {
  request: SupportRequest;
  onCancel: () => void;
  onDone: (r: SupportRequest) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, answer } = useAnswer(onDone);
  const [reason, setReason] = useState('');
  const id = `decline-${r.id}`;
  const decline = () =>
    answer(() => requestsApi.decline(r.id, r.version, reason.trim()), 'collab.declined');
  return (
    <form
      className="retro-form request-form"
      aria-label={t('collab.declineTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void decline();
      }}
    >
      <div className="retro-field">
        <label htmlFor={id}>{t('collab.declineReason')}</label>
        <Input.TextArea
          id={id}
          value={reason}
          maxLength={1000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {error !== undefined ? (
        <ProblemAlert error={error} title={t('collab.declineFailed')} />
      ) : null}
      <Space wrap>
        <Button danger htmlType="submit" loading={busy} disabled={reason.trim() === ''}>
          {t('collab.confirmDecline')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </form>
  );
}

function WithdrawButton({
  request: r,
  onDone,
}: {
  request: SupportRequest;
  onDone: (r: SupportRequest) => void;
}) {
  const { t } = useTranslation();
  const { error, answer } = useAnswer(onDone);
  const withdraw = () => answer(() => requestsApi.withdraw(r.id, r.version), 'collab.withdrawn');
  const label = useMemo(() => t('collab.withdrawOf', { title: r.fromObjectiveTitle }), [t, r]);
  return (
    <div>
      <Popconfirm
        title={t('collab.withdrawConfirm')}
        okText={t('collab.withdraw')}
        cancelText={t('common.cancel')}
        onConfirm={withdraw}
      >
        <Button aria-label={label}>{t('collab.withdraw')}</Button>
      </Popconfirm>
      {error !== undefined ? (
        <ProblemAlert error={error} title={t('collab.withdrawFailed')} />
      ) : null}
    </div>
  );
}

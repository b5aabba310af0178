/**
 * 延续到下个周期: from an approved plan at the end of its cycle (or a closed one), choose the
 * unfinished objectives and key results to copy into the owner's draft plan of a later cycle,
 * confirm, then open that plan. Carrying twice copies nothing twice (the API reports what was
 * already carried). The choice stays when the carry-over fails.
 */
import { RetweetOutlined } from '@ant-design/icons';
import { Button, Checkbox, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { review as reviewApi } from '../../api/endpoints';
import type { Cycle, PlanDetail } from '../../api/types';
import { useOrgData } from '../../app/org-data';
import { useFeedback } from '../../components/feedback';
import { ProblemAlert } from '../../components/problems';
import { EmptyState } from '../../components/states';
import { useSubmit } from '../../hooks/useSubmit';
import { allIds, carryOverSelection, laterCycles, unfinishedItems } from '../../lib/carry-over';

export function CarryOverButton({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<RetweetOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('carryOver.open')}
      </Button>
      {open ? <CarryOverDialog plan={plan} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

export default function CarryOverDialog({
  plan,
  onClose,
}: {
  plan: PlanDetail;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const org = useOrgData();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const fromCycle = org.cycles.find((c) => c.id === plan.cycleId);
  const targets: Cycle[] = useMemo(
    () => (fromCycle ? laterCycles(org.cycles, fromCycle) : []),
    [org.cycles, fromCycle],
  );
  const items = useMemo(() => unfinishedItems(plan.objectives), [plan.objectives]);
  const [cycleId, setCycleId] = useState<string | null>(targets[0]?.id ?? null);
  const [chosen, setChosen] = useState<Set<string>>(() => allIds(items));
  const { busy, error, run } = useSubmit();
  const selection = carryOverSelection(items, chosen);
  const nothing = selection.objectiveIds.length + selection.keyResultIds.length === 0;

  const toggle = (ids: string[], on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const confirm = async () => {
    if (!cycleId || nothing) return;
    await run(async () => {
      const result = await reviewApi.carryOver(plan.id, { toCycleId: cycleId, ...selection });
      const copied = result.carried.objectives.length + result.carried.keyResults.length;
      void message.success(
        copied > 0
          ? t('carryOver.done', {
              objectives: result.carried.objectives.length,
              keyResults: result.carried.keyResults.length,
            })
          : t('carryOver.alreadyDone'),
      );
      onClose();
      // the header shows the target cycle, so the new plan reads in its own cycle
      org.setCycleId(cycleId);
      void navigate(`/plans/${result.plan.id}`);
    });
  };

  const cycleFieldId = `carry-cycle-${plan.id}`;
  const dateFmt = (d: string) =>
    new Date(`${d}T00:00:00`).toLocaleDateString(i18n.language, { dateStyle: 'medium' });

  return (
    <Modal
      open
      title={t('carryOver.title')}
      okText={t('carryOver.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !cycleId || nothing }}
      confirmLoading={busy}
      onOk={() => void confirm()}
      onCancel={onClose}
      width={640}
    >
      <p className="muted">{t('carryOver.help')}</p>
      {targets.length === 0 ? (
        <EmptyState description={t('carryOver.noCycle')} />
      ) : items.length === 0 ? (
        <EmptyState description={t('carryOver.nothingUnfinished')} />
      ) : (
        <div className="retro-form">
          <div className="retro-field">
            <label htmlFor={cycleFieldId}>{t('carryOver.toCycle')}</label>
            <Select
              id={cycleFieldId}
              className="full-width"
              value={cycleId ?? undefined}
              onChange={(v: string) => setCycleId(v)}
              options={targets.map((c) => ({
                value: c.id,
                label: `${c.name} · ${t(`cycleState.${c.state}`)} · ${dateFmt(c.startDate)}`,
              }))}
            />
          </div>
          <fieldset className="plain-fieldset">
            <legend>{t('carryOver.items')}</legend>
            <div className="carry-actions">
              <Button size="small" type="link" onClick={() => setChosen(allIds(items))}>
                {t('carryOver.all')}
              </Button>
              <Button size="small" type="link" onClick={() => setChosen(new Set())}>
                {t('carryOver.none')}
              </Button>
            </div>
            <ul className="plain-list carry-list">
              {items.map(({ objective: o, keyResults }) => {
                const krIds = keyResults.map((k) => k.id);
                const some = krIds.filter((id) => chosen.has(id)).length;
                const all = krIds.length === 0 ? chosen.has(o.id) : some === krIds.length;
                return (
                  <li key={o.id}>
                    <Checkbox
                      checked={all}
                      indeterminate={!all && some > 0}
                      onChange={(e) => toggle([o.id, ...krIds], e.target.checked)}
                    >
                      <strong>
                        O{o.priority} {o.title}
                      </strong>{' '}
                      <span className="muted small">
                        {t('carryOver.progress', { p: Math.round(o.progress * 100) })}
                      </span>
                    </Checkbox>
                    <ul className="plain-list carry-krs">
                      {keyResults.map((kr) => (
                        <li key={kr.id}>
                          <Checkbox
                            checked={chosen.has(kr.id)}
                            onChange={(e) => toggle([kr.id], e.target.checked)}
                          >
                            KR{kr.priority} {kr.title}{' '}
                            <span className="muted small">
                              {t('carryOver.progress', { p: Math.round(kr.progress * 100) })}
                            </span>
                          </Checkbox>
                        </li>
                      ))}
                    </ul>
                  </li>
                );
              })}
            </ul>
          </fieldset>
          <p className="small">
            {t('carryOver.summary', {
              objectives: selection.objectiveIds.length,
              keyResults: selection.keyResultIds.length,
            })}
          </p>
        </div>
      )}
      {error !== undefined ? <ProblemAlert error={error} title={t('carryOver.failed')} /> : null}
    </Modal>
  );
}

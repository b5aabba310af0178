/**
 * 请求协同: from an objective, ask another unit to support it (the unit, what is needed, an
 * optional key result hoped for and an optional date). Nothing typed is lost when sending fails.
 */
import { ShareAltOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requests as requestsApi } from '../../api/endpoints';
import type { Objective, Plan } from '../../api/types';
import { useOrgData } from '../../app/org-data';
import { useFeedback } from '../../components/feedback';
import { ProblemAlert } from '../../components/problems';
import { useSubmit } from '../../hooks/useSubmit';
import { askableUnits, draftProblems, requestBody, type RequestDraft } from '../../lib/collab';

const EMPTY: RequestDraft = { toUnitId: null, message: '', keyResultTitle: '', dueDate: null };

export function RequestSupportButton({
  objective,
  plan,
}: {
  objective: Pick<Objective, 'id' | 'title'>;
  plan: Pick<Plan, 'ownerType' | 'ownerId'>;
}) {
  const { t, i18n } = useTranslation();
  const org = useOrgData();
  const { message } = useFeedback();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<RequestDraft>(EMPTY);
  const [due, setDue] = useState<Dayjs | null>(null);
  const [touched, setTouched] = useState(false);
  const { busy: sending, error, run } = useSubmit();

  const units = useMemo(
    () => askableUnits(org.units, plan, new Intl.Collator(i18n.language)),
    [org.units, plan, i18n.language],
  );
  const missing = draftProblems(draft);
  const ids = {
    unit: `request-unit-${objective.id}`,
    message: `request-message-${objective.id}`,
    kr: `request-kr-${objective.id}`,
    due: `request-due-${objective.id}`,
  };

  const send = async () => {
    setTouched(true);
    if (missing.length > 0) return;
    await run(async () => {
      await requestsApi.create(requestBody(objective.id, draft));
      setOpen(false);
      setDraft(EMPTY);
      setDue(null);
      setTouched(false);
      void message.success(t('collab.sent', { unit: org.unitName(draft.toUnitId) }));
    });
  };

  return (
    <>
      <Button
        size="small"
        icon={<ShareAltOutlined aria-hidden />}
        onClick={() => setOpen(true)}
        aria-label={t('collab.askFor', { title: objective.title })}
      >
        {t('collab.ask')}
      </Button>
      <Modal
        open={open}
        title={t('collab.askTitle', { title: objective.title })}
        okText={t('collab.send')}
        cancelText={t('common.cancel')}
        confirmLoading={sending}
        onOk={() => void send()}
        onCancel={() => setOpen(false)}
      >
        <p className="muted">{t('collab.askHelp')}</p>
        <div className="retro-form">
          <div className="retro-field">
            <label htmlFor={ids.unit}>{t('collab.toUnit')}</label>
            <Select
              id={ids.unit}
              className="full-width"
              value={draft.toUnitId ?? undefined}
              placeholder={t('collab.pickUnit')}
              onChange={(v: string) => setDraft((d) => ({ ...d, toUnitId: v }))}
              options={units.map((u) => ({
                value: u.id,
                label: u.leaderId
                  ? t('collab.unitWithLeader', { unit: u.name, leader: org.userName(u.leaderId) })
                  : u.name,
              }))}
              showSearch={{ optionFilterProp: 'label' }}
              status={touched && missing.includes('toUnitId') ? 'error' : undefined}
              aria-describedby={
                touched && missing.includes('toUnitId') ? `${ids.unit}-error` : undefined
              }
            />
            {touched && missing.includes('toUnitId') ? (
              <div id={`${ids.unit}-error`} className="field-error" role="alert">
                {t('collab.unitRequired')}
              </div>
            ) : null}
          </div>
          <div className="retro-field">
            <label htmlFor={ids.message}>{t('collab.message')}</label>
            <Input.TextArea
              id={ids.message}
              value={draft.message}
              maxLength={4000}
              autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder={t('collab.messagePlaceholder')}
              onChange={(e) => setDraft((d) => ({ ...d, message: e.target.value }))}
              status={touched && missing.includes('message') ? 'error' : undefined}
              aria-describedby={
                touched && missing.includes('message') ? `${ids.message}-error` : undefined
              }
            />
            {touched && missing.includes('message') ? (
              <div id={`${ids.message}-error`} className="field-error" role="alert">
                {t('collab.messageRequired')}
              </div>
            ) : null}
          </div>
          <div className="retro-field">
            <label htmlFor={ids.kr}>{t('collab.desiredKr')}</label>
            <Input
              id={ids.kr}
              value={draft.keyResultTitle}
              maxLength={500}
              placeholder={t('collab.desiredKrPlaceholder')}
              onChange={(e) => setDraft((d) => ({ ...d, keyResultTitle: e.target.value }))}
            />
          </div>
          <div className="retro-field">
            <label htmlFor={ids.due}>{t('collab.dueDate')}</label>
            <DatePicker
              id={ids.due}
              value={due}
              onChange={(d: Dayjs | null) => {
                setDue(d);
                setDraft((x) => ({ ...x, dueDate: d ? d.format('YYYY-MM-DD') : null }));
              }}
            />
          </div>
          {error !== undefined ? (
            <ProblemAlert error={error} title={t('collab.sendFailed')} />
          ) : null}
        </div>
      </Modal>
    </>
  );
}

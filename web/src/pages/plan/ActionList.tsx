/** The actions (行动计划) of a key result: state, title, owner and dates, added and changed in place. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Popconfirm, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actions as actionsApi } from '../../api/endpoints';
import type { Action, ActionState, KeyResult } from '../../api/types';
import { EditableText } from '../../components/EditableText';
import { ProblemAlert, useDescribe } from '../../components/problems';
import { usePlanEditor } from './context';
import { useFeedback } from '../../components/feedback';
import { useSubmit } from '../../hooks/useSubmit';

const STATES: ActionState[] = ['todo', 'in_progress', 'done', 'blocked', 'cancelled'];

export function ActionList({ keyResult }: { keyResult: KeyResult }) {
  const { t } = useTranslation();
  const ed = usePlanEditor();
  const list = [...(keyResult.actions ?? [])].sort((a, b) => a.position - b.position);
  const [adding, setAdding] = useState(false);
  return (
    <div className="action-list">
      <h4 className="section-label">{t('action.heading', { count: list.length })}</h4>
      {list.length === 0 && !adding ? <p className="muted small">{t('action.none')}</p> : null}
      <ul className="plain-list">
        {list.map((a) => (
          <ActionRow key={a.id} action={a} />
        ))}
      </ul>
      {ed.editable ? (
        adding ? (
          <NewActionForm keyResult={keyResult} onDone={() => setAdding(false)} />
        ) : (
          <Button
            type="link"
            size="small"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('action.add')}
          </Button>
        )
      ) : null}
    </div>
  );
}

function ActionRow({ action }: { action: Action }) {
  const { t } = useTranslation();
  const ed = usePlanEditor();
  const { message } = useFeedback();
  const describe = useDescribe();
  const canEdit = ed.editable || action.ownerId === ed.me.id;
  const save = (body: Parameters<typeof actionsApi.update>[1]) =>
    ed.change((reason) =>
      actionsApi.update(action.id, { ...body, ...(reason ? { reason } : {}) }, action.version),
    );
  const fail = (e: unknown) => void message.error(describe(e).message);
  return (
    <li className={`action-row ${action.overdue ? 'is-overdue' : ''}`}>
      <Select
        size="small"
        aria-label={t('action.stateOf', { title: action.title })}
        value={action.state}
        disabled={!canEdit}
        onChange={(state: ActionState) => save({ state }).catch(fail)}
        options={STATES.map((s) => ({ value: s, label: t(`actionState.${s}`) }))}
        className="action-state"
        popupMatchSelectWidth={false}
      />
      <EditableText
        value={action.title}
        label={t('action.title')}
        disabled={!ed.editable}
        onSave={(title) => save({ title }).then(() => undefined)}
        className="action-title"
      />
      <span className="action-meta">
        {action.ownerId ? <span>{ed.users.find((u) => u.id === action.ownerId)?.name}</span> : null}
        {action.startDate || action.dueDate ? (
          <span className="muted">
            {action.startDate ?? '…'} → {action.dueDate ?? '…'}
          </span>
        ) : null}
        {action.overdue ? <Tag className="tag-overdue">{t('action.overdue')}</Tag> : null}
      </span>
      {ed.editable ? (
        <Popconfirm
          title={t('action.deleteConfirm')}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            ed.change((reason) => actionsApi.remove(action.id, action.version, reason)).catch(fail)
          }
        >
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('action.delete', { title: action.title })}
          />
        </Popconfirm>
      ) : null}
    </li>
  );
}

interface NewActionValues {
  title: string;
  ownerId: string | null;
  dates: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null;
}

function NewActionForm({ keyResult, onDone }: { keyResult: KeyResult; onDone: () => void }) {
  const { t } = useTranslation();
  const ed = usePlanEditor();
  const { busy, error, run } = useSubmit();
  return (
    <Form<NewActionValues>
      layout="inline"
      className="action-form"
      name={`new-action-${keyResult.id}`}
      initialValues={{ title: '', ownerId: keyResult.ownerId, dates: null }}
      onFinish={(v) =>
        run(async () => {
          await ed.change((reason) =>
            actionsApi.create(keyResult.id, {
              title: v.title.trim(),
              ownerId: v.ownerId ?? null,
              startDate: v.dates?.[0]?.format('YYYY-MM-DD') ?? null,
              dueDate: v.dates?.[1]?.format('YYYY-MM-DD') ?? null,
              ...(reason ? { reason } : {}),
            }),
          );
          onDone();
        })
      }
    >
      <Form.Item
        name="title"
        rules={[{ required: true, whitespace: true, message: t('action.titleRequired') }]}
      >
        <Input
          placeholder={t('action.titlePlaceholder')}
          aria-label={t('action.title')}
          maxLength={200}
          autoFocus
        />
      </Form.Item>
      <Form.Item name="ownerId">
        <Select
          allowClear
          aria-label={t('action.owner')}
          placeholder={t('action.owner')}
          style={{ minWidth: 120 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={ed.users.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="dates">
        <DatePicker.RangePicker
          aria-label={t('action.dates')}
          placeholder={[t('action.startDate'), t('action.dueDate')]}
          allowEmpty={[true, true]}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('common.add')}
      </Button>
      <Button onClick={onDone}>{t('common.cancel')}</Button>
      {error !== undefined ? <ProblemAlert error={error} /> : null}
    </Form>
  );
}

/**
 * One objective in the editor: priority (drag, or the move buttons), title, kind, visibility,
 * weight, alignment and description, then its key results with their weight sum and actions.
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  HolderOutlined,
  LockOutlined,
  PlusOutlined,
  RightOutlined,
  DownOutlined,
} from '@ant-design/icons';
import { Button, Card, Modal, Popconfirm, Select, Switch, Tag, Tooltip } from 'antd';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { keyResults as krApi, objectives as objectivesApi } from '../../api/endpoints';
import type { KeyResult, Objective, ObjectiveKind } from '../../api/types';
import { EditableText } from '../../components/EditableText';
import { HealthTag, ProgressBar } from '../../components/health';
import { NumberField } from '../../components/NumberField';
import { useDescribe } from '../../components/problems';
import { formatMetric } from '../../lib/progress';
import { weightForNewItem, weightSum } from '../../lib/weights';
import { ActionList } from './ActionList';
import { AlignmentPicker, fromPickerValue, toPickerValue } from './AlignmentPicker';
import { usePlanEditor } from './context';
import { initialKeyResultValues, KeyResultForm, keyResultBody } from './KeyResultForm';
import { RequestSupportButton } from './RequestSupport';
import { WeightSum } from './WeightSum';
import { canWritePlan } from '../../api/queries';
import { useFeedback } from '../../components/feedback';

export interface ObjectiveCardProps {
  objective: Objective;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  dragging: boolean;
  onDragStart: (index: number) => void;
  onDragEnd: () => void;
  /** `draggedId`: the objective dropped here (from the drag data) */
  onDropAt: (index: number, draggedId: string) => void;
}

export function ObjectiveCard({
  objective: o,
  index,
  count,
  onMove,
  dragging,
  onDragStart,
  onDragEnd,
  onDropAt,
}: ObjectiveCardProps) {
  const { t } = useTranslation();
  const ed = usePlanEditor();
  const { message } = useFeedback();
  const describe = useDescribe();
  const [addingKr, setAddingKr] = useState(false);
  const [dropTarget, setDropTarget] = useState(false);
  const krs = [...(o.keyResults ?? [])].sort((a, b) => a.priority - b.priority);
  const krSum = weightSum(krs);
  const fail = (e: unknown) => void message.error(describe(e, ed.nameOf).message);
  const update = (body: Parameters<typeof objectivesApi.update>[1]) =>
    ed
      .change((reason) =>
        objectivesApi.update(o.id, { ...body, ...(reason ? { reason } : {}) }, o.version),
      )
      .then(() => undefined);

  const aligned = o.alignedToKeyResultId ?? o.alignedToObjectiveId;
  const parent = aligned ? ed.alignment.byId.get(aligned) : undefined;
  const titleId = `objective-title-${o.id}`;

  const dragProps = ed.editable
    ? {
        draggable: true,
        onDragStart: (e: DragEvent) => {
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', o.id);
          onDragStart(index);
        },
        onDragEnd,
        onDragOver: (e: DragEvent) => {
          e.preventDefault();
          setDropTarget(true);
        },
        onDragLeave: () => setDropTarget(false),
        onDrop: (e: DragEvent) => {
          e.preventDefault();
          setDropTarget(false);
          onDropAt(index, e.dataTransfer.getData('text/plain'));
        },
      }
    : {};

  return (
    <section
      className={`objective-card ${dragging ? 'is-dragging' : ''} ${dropTarget ? 'is-drop-target' : ''}`}
      aria-label={`O${o.priority} ${o.title}`}
      data-objective-id={o.id}
      {...dragProps}
    >
      <Card variant="borderless">
        <div className="objective-head">
          {ed.editable ? (
            <div className="reorder-controls">
              <HolderOutlined className="drag-handle" aria-hidden title={t('plan.dragHint')} />
              <Button
                size="small"
                type="text"
                icon={<ArrowUpOutlined aria-hidden />}
                disabled={index === 0}
                aria-label={t('plan.moveUp', { title: o.title })}
                onClick={() => onMove(index, index - 1)}
              />
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined aria-hidden />}
                disabled={index === count - 1}
                aria-label={t('plan.moveDown', { title: o.title })}
                onClick={() => onMove(index, index + 1)}
              />
            </div>
          ) : null}
          <span
            className="okr-badge okr-badge-o"
            aria-label={t('plan.priority', { n: o.priority })}
          >
            O{o.priority}
          </span>
          <h3 className="objective-title" id={titleId}>
            <EditableText
              value={o.title}
              label={t('objective.title')}
              disabled={!ed.editable}
              onSave={(title) => update({ title })}
            />
          </h3>
          <div className="objective-progress">
            <ProgressBar
              progress={o.progress}
              expected={ed.plan.expectedProgress}
              health={o.health}
              size="small"
              label={t('objective.progressOf', { title: o.title })}
            />
          </div>
        </div>

        <div className="objective-fields">
          <label className="inline-field">
            <span className="inline-label">{t('objective.kind')}</span>
            {ed.editable ? (
              <Select
                size="small"
                value={o.kind}
                aria-label={t('objective.kind')}
                onChange={(kind: ObjectiveKind) => void update({ kind }).catch(fail)}
                options={(['committed', 'aspirational'] as const).map((k) => ({
                  value: k,
                  label: t(`kind.${k}`),
                }))}
                popupMatchSelectWidth={false}
              />
            ) : (
              <Tag>{t(`kind.${o.kind}`)}</Tag>
            )}
          </label>
          <span className="inline-field">
            <span className="inline-label" id={`weight-${o.id}`}>
              {t('objective.weight')}
            </span>
            {ed.editable ? (
              <NumberField
                value={o.weight}
                min={0}
                max={100}
                suffix="%"
                label={t('objective.weightOf', { title: o.title })}
                onSave={(weight) => update({ weight })}
              />
            ) : (
              <strong>{o.weight}%</strong>
            )}
          </span>
          <span className="inline-field">
            <LockOutlined aria-hidden />
            <span className="inline-label" id={`private-${o.id}`}>
              {t('objective.private')}
            </span>
            <Switch
              size="small"
              checked={o.visibility === 'private'}
              disabled={!ed.editable}
              aria-labelledby={`private-${o.id}`}
              onChange={(checked) =>
                void update({ visibility: checked ? 'private' : 'public' }).catch(fail)
              }
            />
          </span>
          {ed.editable ? (
            <Popconfirm
              title={t('objective.deleteConfirm')}
              description={t('objective.deleteConfirmDetail')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                ed.change((reason) => objectivesApi.remove(o.id, o.version, reason)).catch(fail)
              }
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('objective.delete', { title: o.title })}
              />
            </Popconfirm>
          ) : null}
          {canWritePlan(ed.plan, ed.me) &&
          ed.plan.state !== 'closed' &&
          o.visibility === 'public' ? (
            <RequestSupportButton objective={o} plan={ed.plan} />
          ) : null}
        </div>

        <div className="objective-alignment">
          <span className="inline-label">{t('objective.alignedTo')}</span>
          {ed.editable ? (
            <AlignmentPicker
              candidates={ed.alignment}
              value={toPickerValue(o)}
              label={t('objective.alignedToOf', { title: o.title })}
              onChange={(v) => void update(fromPickerValue(v)).catch(fail)}
            />
          ) : parent ? (
            <span>
              <span className="muted">{parent.planLabel} · </span>
              {parent.kind === 'keyResult'
                ? `${parent.objectiveTitle ?? ''} › ${parent.title}`
                : parent.title}
            </span>
          ) : aligned ? (
            <span className="muted">{t('objective.alignedHidden')}</span>
          ) : (
            <span className="muted">{t('objective.notAligned')}</span>
          )}
        </div>

        <div className="objective-description">
          <EditableText
            value={o.description ?? ''}
            label={t('objective.description')}
            placeholder={ed.editable ? t('objective.descriptionPlaceholder') : ''}
            disabled={!ed.editable}
            multiline
            required={false}
            maxLength={5000}
            onSave={(description) => update({ description: description || null })}
          />
        </div>

        <div className="kr-section">
          <div className="kr-section-head">
            <h4 className="section-label">{t('kr.heading', { count: krs.length })}</h4>
            {krs.length > 0 ? <WeightSum sum={krSum} label={t('kr.weightSum')} /> : null}
          </div>
          {krs.length === 0 ? <p className="muted small">{t('kr.none')}</p> : null}
          <ol className="kr-list">
            {krs.map((kr) => (
              <KeyResultRow key={kr.id} kr={kr} />
            ))}
          </ol>
          {ed.editable ? (
            addingKr ? (
              <div className="kr-new">
                <KeyResultForm
                  idPrefix={`new-kr-${o.id}`}
                  initial={initialKeyResultValues(
                    null,
                    weightForNewItem(krs),
                    ed.plan.ownerType === 'user' ? ed.plan.ownerId : null,
                  )}
                  users={ed.users}
                  submitLabel={t('kr.add')}
                  onCancel={() => setAddingKr(false)}
                  onSubmit={async (values) => {
                    await ed.change((reason) =>
                      krApi.create(o.id, {
                        ...keyResultBody(values),
                        ...(reason ? { reason } : {}),
                      }),
                    );
                    setAddingKr(false);
                  }}
                />
              </div>
            ) : (
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setAddingKr(true)}
                className="add-kr"
              >
                {t('kr.add')}
              </Button>
            )
          ) : null}
        </div>
      </Card>
    </section>
  );
}

function KeyResultRow({ kr }: { kr: KeyResult }) {
  const { t, i18n } = useTranslation();
  const ed = usePlanEditor();
  const { message } = useFeedback();
  const describe = useDescribe();
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  const fail = (e: unknown) => void message.error(describe(e).message);
  const update = (body: Parameters<typeof krApi.update>[1]) =>
    ed
      .change((reason) =>
        krApi.update(kr.id, { ...body, ...(reason ? { reason } : {}) }, kr.version),
      )
      .then(() => undefined);
  const labels = { done: t('metric.done'), notDone: t('metric.notDone') };
  const fmt = (v: number) => formatMetric(v, kr, i18n.language, labels);
  const owner = ed.users.find((u) => u.id === kr.ownerId);
  const actionCount = kr.actions?.length ?? 0;

  return (
    <li className="kr-row">
      <div className="kr-main">
        <span className="okr-badge okr-badge-kr">KR{kr.priority}</span>
        <div className="kr-title">
          <EditableText
            value={kr.title}
            label={t('kr.title')}
            disabled={!ed.editable}
            onSave={(title) => update({ title })}
          />
          <div className="kr-meta">
            <span>
              {fmt(kr.startValue)} → <strong>{fmt(kr.targetValue)}</strong>
            </span>
            <span className="muted">{t('kr.current', { value: fmt(kr.currentValue) })}</span>
            <span>
              {owner ? (
                t('kr.ownedBy', { name: owner.name })
              ) : (
                <span className="muted">{t('kr.noOwner')}</span>
              )}
            </span>
            {kr.dueDate ? <span className="muted">{t('kr.due', { date: kr.dueDate })}</span> : null}
            {kr.confidence !== null ? (
              <span className="muted">{t('kr.confidenceValue', { value: kr.confidence })}</span>
            ) : null}
            {kr.progressSource !== 'manual' ? (
              <Tag>{t(`progressSource.${kr.progressSource}`)}</Tag>
            ) : null}
          </div>
        </div>
        <div className="kr-weight">
          {ed.editable ? (
            <NumberField
              value={kr.weight}
              min={0}
              max={100}
              suffix="%"
              label={t('kr.weightOf', { title: kr.title })}
              onSave={(weight) => update({ weight })}
            />
          ) : (
            <span className="muted">{t('kr.weightValue', { weight: kr.weight })}</span>
          )}
        </div>
        <div className="kr-progress">
          <ProgressBar
            progress={kr.progress}
            expected={ed.plan.expectedProgress}
            health={kr.health}
            size="small"
            label={t('kr.progressOf', { title: kr.title })}
          />
          <HealthTag health={kr.health} />
        </div>
        <div className="kr-buttons">
          <Tooltip title={t('kr.details')}>
            <Link
              to={`/key-results/${kr.id}`}
              aria-label={t('kr.detailsOf', { title: kr.title })}
              className="icon-link"
            >
              <RightOutlined aria-hidden />
            </Link>
          </Tooltip>
          {ed.editable ? (
            <>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined aria-hidden />}
                aria-label={t('kr.editOf', { title: kr.title })}
                onClick={() => setEditing(true)}
              />
              <Popconfirm
                title={t('kr.deleteConfirm')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  ed.change((reason) => krApi.remove(kr.id, kr.version, reason)).catch(fail)
                }
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('kr.deleteOf', { title: kr.title })}
                />
              </Popconfirm>
            </>
          ) : null}
        </div>
      </div>
      <Button
        type="link"
        size="small"
        className="actions-toggle"
        aria-expanded={open}
        icon={open ? <DownOutlined aria-hidden /> : <RightOutlined aria-hidden />}
        onClick={() => setOpen(!open)}
      >
        {t('action.toggle', { count: actionCount })}
      </Button>
      {open ? <ActionList keyResult={kr} /> : null}
      <Modal
        open={editing}
        title={t('kr.edit')}
        footer={null}
        onCancel={() => setEditing(false)}
        destroyOnHidden
        width={640}
      >
        <KeyResultForm
          idPrefix={`edit-kr-${kr.id}`}
          initial={initialKeyResultValues(kr, kr.weight, kr.ownerId)}
          users={ed.users}
          submitLabel={t('common.save')}
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            await update(keyResultBody(values));
            setEditing(false);
          }}
        />
      </Modal>
    </li>
  );
}

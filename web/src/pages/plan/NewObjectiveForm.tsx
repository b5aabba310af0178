/** Adding an objective: title, kind, weight (what remains by default), alignment, visibility. */
import { Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { objectives as objectivesApi } from '../../api/endpoints';
import type { ObjectiveKind } from '../../api/types';
import { ProblemAlert } from '../../components/problems';
import { useSubmit } from '../../hooks/useSubmit';
import { weightForNewItem } from '../../lib/weights';
import { AlignmentPicker, fromPickerValue } from './AlignmentPicker';
import { usePlanEditor } from './context';

interface Values {
  title: string;
  description: string;
  kind: ObjectiveKind;
  weight: number | null;
  alignment: string | undefined;
  private: boolean;
}

export function NewObjectiveForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const ed = usePlanEditor();
  const { busy, error, run } = useSubmit();
  const initial: Values = {
    title: '',
    description: '',
    kind: 'committed',
    weight: weightForNewItem(ed.plan.objectives),
    alignment: undefined,
    private: false,
  };
  return (
    <Form<Values>
      layout="vertical"
      name="new-objective"
      className="objective-form"
      initialValues={initial}
      requiredMark="optional"
      onFinish={(v) =>
        run(async () => {
          await ed.change((reason) =>
            objectivesApi.create(ed.plan.id, {
              title: v.title.trim(),
              ...(v.description.trim() ? { description: v.description.trim() } : {}),
              kind: v.kind,
              weight: v.weight ?? 0,
              visibility: v.private ? 'private' : 'public',
              ...fromPickerValue(v.alignment),
              ...(reason ? { reason } : {}),
            }),
          );
          onDone();
        })
      }
    >
      <Form.Item
        name="title"
        label={t('objective.title')}
        rules={[{ required: true, whitespace: true, message: t('objective.titleRequired') }]}
        extra={t('objective.titleHint')}
      >
        <Input maxLength={200} placeholder={t('objective.titlePlaceholder')} autoFocus />
      </Form.Item>
      <Form.Item name="alignment" label={t('objective.alignedTo')} extra={t('objective.alignHint')}>
        <AlignmentPicker candidates={ed.alignment} />
      </Form.Item>
      <div className="form-grid">
        <Form.Item name="kind" label={t('objective.kind')}>
          <Select
            options={(['committed', 'aspirational'] as const).map((k) => ({
              value: k,
              label: t(`kind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="weight"
          label={t('objective.weight')}
          rules={[{ required: true, message: t('objective.weightRequired') }]}
        >
          <InputNumber min={0} max={100} suffix="%" className="full-width" />
        </Form.Item>
        <Form.Item name="private" label={t('objective.private')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </div>
      <Form.Item name="description" label={t('objective.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
      {error !== undefined ? (
        <ProblemAlert error={error} title={t('objective.saveFailed')} />
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('objective.add')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

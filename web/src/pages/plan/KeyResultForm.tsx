/** The fields of a key result, for adding one and for changing one. */
import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quality, type KeyResultInput } from '../../api/endpoints';
import type { KeyResult, MetricType, User } from '../../api/types';
import { ProblemAlert } from '../../components/problems';
import { useSubmit } from '../../hooks/useSubmit';

export interface KeyResultFormValues {
  title: string;
  metricType: MetricType;
  startValue: number | null;
  targetValue: number | null;
  unit: string;
  weight: number | null;
  ownerId: string | null;
  dueDate: Dayjs | null;
}

export function initialKeyResultValues(
  kr: KeyResult | null,
  weight: number,
  ownerId: string | null,
): KeyResultFormValues {
  return kr
    ? {
        title: kr.title,
        metricType: kr.metricType,
        startValue: kr.startValue,
        targetValue: kr.targetValue,
        unit: kr.unit ?? '',
        weight: kr.weight,
        ownerId: kr.ownerId,
        dueDate: kr.dueDate ? dayjs(kr.dueDate) : null,
      }
    : {
        title: '',
        metricType: 'number',
        startValue: null,
        targetValue: null,
        unit: '',
        weight,
        ownerId,
        dueDate: null,
      };
}

/** Form values → request body (boolean key results go from 0 to 1). */
export function keyResultBody(v: KeyResultFormValues): KeyResultInput {
  const boolean = v.metricType === 'boolean';
  return {
    title: v.title.trim(),
    metricType: v.metricType,
    unit: boolean ? null : v.unit.trim() || null,
    startValue: boolean ? 0 : (v.startValue ?? 0),
    targetValue: boolean ? 1 : (v.targetValue ?? 0),
    weight: v.weight ?? 0,
    ownerId: v.ownerId ?? null,
    dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
  };
}

export interface KeyResultFormProps {
  initial: KeyResultFormValues;
  users: readonly User[];
  submitLabel: string;
  /** resolves when saved; a rejection keeps every field as typed and shows the problem */
  onSubmit: (values: KeyResultFormValues) => Promise<void>;
  onCancel?: () => void;
  idPrefix: string;
}

export function KeyResultForm({
  initial,
  users,
  submitLabel,
  onSubmit,
  onCancel,
  idPrefix,
}: KeyResultFormProps) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<KeyResultFormValues>();
  const { busy, error, run } = useSubmit();
  const metricType = Form.useWatch('metricType', form) ?? initial.metricType;
  const boolean = metricType === 'boolean';
  const [autoFilled, setAutoFilled] = useState(false);
  // once the person has been in a metric field, their values are never overwritten
  const metricFocused = useRef(false);
  const markFocused = () => {
    metricFocused.current = true;
  };

  /** "从1500条提升到2400条" fills the metric fields, when they are still empty. */
  const fillFromTitle = async () => {
    const title = String(form.getFieldValue('title') ?? '').trim();
    const untouched = () =>
      !metricFocused.current &&
      form.getFieldValue('startValue') === null &&
      form.getFieldValue('targetValue') === null &&
      String(form.getFieldValue('title') ?? '').trim() === title;
    if (title === '' || !untouched()) return;
    try {
      const parsed = await quality.parseKeyResult(title, i18n.language);
      if (
        parsed.confidence < 0.6 ||
        parsed.startValue === undefined ||
        parsed.targetValue === undefined ||
        !untouched()
      )
        return;
      form.setFieldsValue({
        startValue: parsed.startValue,
        targetValue: parsed.targetValue,
        ...(parsed.metricType ? { metricType: parsed.metricType } : {}),
        ...(parsed.unit && !form.getFieldValue('unit') ? { unit: parsed.unit } : {}),
      });
      setAutoFilled(true);
    } catch {
      // the fields stay as they are; nothing to tell
    }
  };

  return (
    <Form
      form={form}
      name={idPrefix}
      layout="vertical"
      initialValues={initial}
      className="kr-form"
      requiredMark="optional"
      onFinish={(values) => run(() => onSubmit(values))}
    >
      <Form.Item
        name="title"
        label={t('kr.title')}
        rules={[{ required: true, whitespace: true, message: t('kr.titleRequired') }]}
        extra={
          <span aria-live="polite">{autoFilled ? t('kr.autoFilled') : t('kr.titleHint')}</span>
        }
      >
        <Input
          maxLength={200}
          placeholder={t('kr.titlePlaceholder')}
          onBlur={() => void fillFromTitle()}
        />
      </Form.Item>
      <div className="form-grid">
        <Form.Item name="metricType" label={t('kr.metricType')}>
          <Select
            options={(['number', 'percent', 'currency', 'boolean'] as const).map((m) => ({
              value: m,
              label: t(`metric.${m}`),
            }))}
          />
        </Form.Item>
        {boolean ? null : (
          <>
            <Form.Item
              name="startValue"
              label={t('kr.startValue')}
              rules={[{ required: true, message: t('kr.valueRequired') }]}
            >
              <InputNumber className="full-width" onFocus={markFocused} />
            </Form.Item>
            <Form.Item
              name="targetValue"
              label={t('kr.targetValue')}
              rules={[{ required: true, message: t('kr.valueRequired') }]}
            >
              <InputNumber className="full-width" onFocus={markFocused} />
            </Form.Item>
            <Form.Item name="unit" label={t('kr.unit')}>
              <Input maxLength={50} placeholder={t('kr.unitPlaceholder')} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="weight"
          label={t('kr.weight')}
          rules={[{ required: true, message: t('kr.weightRequired') }]}
        >
          <InputNumber min={0} max={100} suffix="%" className="full-width" />
        </Form.Item>
        <Form.Item name="ownerId" label={t('kr.owner')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('kr.ownerPlaceholder')}
            options={users.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="dueDate" label={t('kr.dueDate')}>
          <DatePicker className="full-width" />
        </Form.Item>
      </div>
      {error !== undefined ? <ProblemAlert error={error} title={t('kr.saveFailed')} /> : null}
      <Space className="form-actions">
        <Button type="primary" htmlType="submit" loading={busy}>
          {submitLabel}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
      </Space>
    </Form>
  );
}

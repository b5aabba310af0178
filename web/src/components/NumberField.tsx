/**
 * A number saved when it changes (Enter or leaving the field). A failed save keeps the typed
 * number in the field, marked, with the reason under it.
 */
import { InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Cancelled } from './cancelled';
import { useDescribe } from './problems';

export interface NumberFieldProps {
  value: number;
  onSave: (next: number) => Promise<void>;
  label: string;
  min?: number;
  max?: number;
  suffix?: string;
  disabled?: boolean;
  width?: number;
  step?: number;
}

export function NumberField({
  value,
  onSave,
  label,
  min,
  max,
  suffix,
  disabled,
  width = 96,
  step = 1,
}: NumberFieldProps) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const [draft, setDraft] = useState<number | null>(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (!dirty) setDraft(value);
  }, [value, dirty]);

  const save = async () => {
    if (!dirty || saving) return;
    if (draft === null) {
      setError(t('edit.numberRequired'));
      return;
    }
    if (draft === value) {
      setDirty(false);
      setError(null);
      return;
    }
    setSaving(true);
    try {
      await onSave(draft);
      setDirty(false);
      setError(null);
    } catch (e) {
      if (e instanceof Cancelled) {
        setDraft(value);
        setDirty(false);
        setError(null);
        return;
      }
      setError(describe(e).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <span className="number-field">
      <InputNumber
        aria-label={label}
        value={draft}
        {...(min !== undefined ? { min } : {})}
        {...(max !== undefined ? { max } : {})}
        step={step}
        {...(suffix ? { suffix } : {})}
        disabled={disabled || saving}
        status={error ? 'error' : undefined}
        aria-invalid={error ? true : undefined}
        style={{ width }}
        onChange={(v) => {
          setDraft(typeof v === 'number' ? v : null);
          setDirty(true);
        }}
        onBlur={() => void save()}
        onPressEnter={() => void save()}
      />
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}

/**
 * Text edited in place: click (or Enter) to edit, Enter or leaving the field to save, Escape to
 * cancel. A failed save keeps the field open with what was typed and says why.
 */
import { EditOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Cancelled } from './cancelled';
import { useDescribe } from './problems';

export interface EditableTextProps {
  value: string;
  /** resolves when saved; rejects with the API error */
  onSave: (next: string) => Promise<void>;
  /** what the field is, for screen readers ("Objective title") */
  label: string;
  disabled?: boolean;
  multiline?: boolean;
  placeholder?: string;
  /** empty text is not allowed (titles) */
  required?: boolean;
  maxLength?: number;
  className?: string;
}

export function EditableText({
  value,
  onSave,
  label,
  disabled,
  multiline,
  placeholder,
  required = true,
  maxLength = 200,
  className,
}: EditableTextProps) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!editing) setDraft(value);
  }, [value, editing]);

  const save = async () => {
    if (saving) return;
    const next = draft.trim();
    if (next === value.trim()) {
      setEditing(false);
      setError(null);
      return;
    }
    if (required && next === '') {
      setError(t('edit.required'));
      return;
    }
    setSaving(true);
    try {
      await onSave(next);
      setEditing(false);
      setError(null);
      requestAnimationFrame(() => buttonRef.current?.focus());
    } catch (e) {
      if (e instanceof Cancelled) {
        setDraft(value);
        setEditing(false);
        setError(null);
        return;
      }
      setError(describe(e).message);
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      setDraft(value);
      setError(null);
      setEditing(false);
      requestAnimationFrame(() => buttonRef.current?.focus());
    } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  if (disabled) {
    return (
      <span className={className}>{value || <span className="muted">{placeholder}</span>}</span>
    );
  }
  if (!editing) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className={`editable ${className ?? ''}`}
        onClick={() => setEditing(true)}
        aria-label={t('edit.editField', { field: label, value: value || placeholder || '' })}
      >
        <span className="editable-text">
          {value || <span className="muted">{placeholder}</span>}
        </span>
        <EditOutlined className="editable-icon" aria-hidden />
      </button>
    );
  }
  const common = {
    value: draft,
    autoFocus: true,
    'aria-label': label,
    'aria-invalid': error ? true : undefined,
    status: error ? ('error' as const) : undefined,
    disabled: saving,
    maxLength,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => void save(),
    onKeyDown,
  };
  return (
    <div className={`editable-field ${className ?? ''}`}>
      {multiline ? (
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} {...common} />
      ) : (
        <Input {...common} />
      )}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** Picks the parent of an objective: an objective or key result of a plan above (or none). */
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlignmentCandidates } from './alignment-candidates';

export interface AlignmentValue {
  alignedToObjectiveId: string | null;
  alignedToKeyResultId: string | null;
}

export function toPickerValue(v: AlignmentValue): string | undefined {
  if (v.alignedToKeyResultId) return `k:${v.alignedToKeyResultId}`;
  if (v.alignedToObjectiveId) return `o:${v.alignedToObjectiveId}`;
  return undefined;
}

export function fromPickerValue(value: string | undefined | null): AlignmentValue {
  if (value?.startsWith('k:'))
    return { alignedToObjectiveId: null, alignedToKeyResultId: value.slice(2) };
  if (value?.startsWith('o:'))
    return { alignedToObjectiveId: value.slice(2), alignedToKeyResultId: null };
  return { alignedToObjectiveId: null, alignedToKeyResultId: null };
}

export interface AlignmentPickerProps {
  candidates: AlignmentCandidates;
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  disabled?: boolean;
  id?: string;
  label?: string;
}

export function AlignmentPicker({
  candidates,
  value,
  onChange,
  disabled,
  id,
  label,
}: AlignmentPickerProps) {
  const { t } = useTranslation();
  const treeData = useMemo(
    () =>
      candidates.plans.map((p) => {
        const label =
          [...candidates.byId.values()].find(
            (x) => x.kind === 'objective' && p.objectives.some((o) => o.id === x.id),
          )?.planLabel ??
          p.ownerName ??
          '';
        return {
          title: label,
          value: `plan:${p.id}`,
          selectable: false,
          children: p.objectives.map((o) => ({
            title: `O${o.priority} ${o.title}`,
            value: `o:${o.id}`,
            children: (o.keyResults ?? []).map((kr) => ({
              title: `KR${kr.priority} ${kr.title}`,
              value: `k:${kr.id}`,
            })),
          })),
        };
      }),
    [candidates],
  );
  return (
    <TreeSelect
      {...(id ? { id } : {})}
      aria-label={label ?? t('plan.alignTo')}
      className="alignment-picker"
      value={value}
      onChange={(v: string | undefined) => onChange?.(v ?? undefined)}
      treeData={treeData}
      treeDefaultExpandAll
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={candidates.loading ? t('common.loading') : t('plan.alignPlaceholder')}
      loading={candidates.loading}
      disabled={disabled}
      notFoundContent={t('plan.noAlignmentTargets')}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(640px, 92vw)' } } }}
    />
  );
}

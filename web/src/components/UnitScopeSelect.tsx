/** Picks a unit (and everything below it) as the scope of a view; empty means the whole company. */
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgData } from '../app/org-data';
import { unitTree, type UnitNode } from '../lib/units';
import type { Unit } from '../api/types';

export function UnitScopeSelect({
  value,
  onChange,
  id,
}: {
  value: string | undefined;
  onChange: (unitId: string | undefined) => void;
  id?: string;
}) {
  const { t, i18n } = useTranslation();
  const org = useOrgData();
  const treeData = useMemo(() => {
    interface Node {
      title: string;
      value: string;
      children: Node[];
    }
    const toData = (n: UnitNode<Unit>): Node => ({
      title: n.unit.name,
      value: n.unit.id,
      children: n.children.map(toData),
    });
    return unitTree(org.units, new Intl.Collator(i18n.language)).map(toData);
  }, [org.units, i18n.language]);
  return (
    <TreeSelect
      {...(id ? { id } : {})}
      aria-label={t('scope.unit')}
      className="unit-scope"
      value={value}
      onChange={(v: string | undefined) => onChange(v ?? undefined)}
      treeData={treeData}
      treeDefaultExpandAll
      allowClear
      placeholder={t('scope.wholeCompany')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
    />
  );
}

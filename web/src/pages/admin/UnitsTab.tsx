/** The unit tree: add sub-units, rename, move, choose the leader, manage members, delete. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Popconfirm, Row, Select, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { units as unitsApi } from '../../api/endpoints';
import type { Unit } from '../../api/types';
import { useOrgData } from '../../app/org-data';
import { useFeedback } from '../../components/feedback';
import { ProblemAlert, useDescribe } from '../../components/problems';
import { EmptyState } from '../../components/states';
import { useSubmit } from '../../hooks/useSubmit';
import { subtreeIds, unitTree, type UnitNode } from '../../lib/units';

interface TreeData {
  key: string;
  title: string;
  children: TreeData[];
}

export default function UnitsTab() {
  const { t, i18n } = useTranslation();
  const org = useOrgData();
  const [selected, setSelected] = useState<string | null>(null);
  const treeData = useMemo(() => {
    const toData = (n: UnitNode<Unit>): TreeData => ({
      key: n.unit.id,
      title: n.unit.name,
      children: n.children.map(toData),
    });
    return unitTree(org.units, new Intl.Collator(i18n.language)).map(toData);
  }, [org.units, i18n.language]);
  const unit = org.units.find(
    (u) => u.id === (selected ?? org.units.find((x) => x.parentId === null)?.id),
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8}>
        <Card title={<h2 className="card-title">{t('admin.units.tree')}</h2>}>
          <Tree
            treeData={treeData}
            defaultExpandAll
            selectedKeys={unit ? [unit.id] : []}
            onSelect={(keys) => keys[0] && setSelected(String(keys[0]))}
            aria-label={t('admin.units.tree')}
          />
        </Card>
      </Col>
      <Col xs={24} md={16}>
        {unit ? (
          <UnitEditor
            key={`${unit.id}:${unit.version}`}
            unit={unit}
            onDeleted={() => setSelected(null)}
          />
        ) : (
          <EmptyState description={t('admin.units.none')} />
        )}
      </Col>
    </Row>
  );
}

function UnitEditor({ unit, onDeleted }: { unit: Unit; onDeleted: () => void }) {
  const { t } = useTranslation();
  const org = useOrgData();
  const { message } = useFeedback();
  const describe = useDescribe();
  const save = useSubmit();
  const [child, setChild] = useState('');
  const [childError, setChildError] = useState<unknown>(undefined);
  const [newMember, setNewMember] = useState<string | undefined>(undefined);
  const below = new Set(subtreeIds(unit.id, org.units));
  const members = org.users.filter((u) => unit.memberIds.includes(u.id));
  const run = async (
    fn: () => Promise<unknown>,
    onError: (e: unknown) => void = (e) => void message.error(describe(e).message),
  ) => {
    try {
      await fn();
      await org.reload();
      void message.success(t('admin.saved'));
      return true;
    } catch (e) {
      onError(e);
      return false;
    }
  };

  return (
    <Card title={<h2 className="card-title">{unit.name}</h2>}>
      <Form
        layout="vertical"
        name={`unit-${unit.id}`}
        initialValues={{ name: unit.name, parentId: unit.parentId, leaderId: unit.leaderId }}
        onFinish={(v: { name: string; parentId: string | null; leaderId: string | null }) =>
          save.run(async () => {
            await unitsApi.update(
              unit.id,
              {
                name: v.name.trim(),
                leaderId: v.leaderId ?? null,
                ...(unit.parentId !== null ? { parentId: v.parentId } : {}),
              },
              unit.version,
            );
            await org.reload();
            void message.success(t('admin.saved'));
          })
        }
      >
        <div className="form-grid">
          <Form.Item
            name="name"
            label={t('admin.units.name')}
            rules={[{ required: true, whitespace: true, message: t('settings.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="leaderId"
            label={t('admin.units.leader')}
            extra={t('admin.units.leaderHint')}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={org.users
                .filter((u) => u.active)
                .map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          {unit.parentId !== null ? (
            <Form.Item name="parentId" label={t('admin.units.parent')}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={org.units
                  .filter((u) => !below.has(u.id))
                  .map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          ) : null}
        </div>
        {save.error !== undefined ? <ProblemAlert error={save.error} /> : null}
        <Button type="primary" htmlType="submit" loading={save.busy}>
          {t('common.save')}
        </Button>
      </Form>

      <h3 className="section-label admin-section">
        {t('admin.units.members', { count: members.length })}
      </h3>
      <ul className="plain-list member-list">
        {members.map((m) => (
          <li key={m.id}>
            <span>
              {m.name}{' '}
              {m.id === unit.leaderId ? (
                <span className="muted small">{t('admin.units.isLeader')}</span>
              ) : null}
            </span>
            {m.id !== unit.leaderId ? (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('admin.units.removeMember', { name: m.name })}
                onClick={() => void run(() => unitsApi.removeMember(unit.id, m.id))}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <Select
          aria-label={t('admin.units.addMember')}
          placeholder={t('admin.units.addMember')}
          value={newMember}
          onChange={setNewMember}
          showSearch={{ optionFilterProp: 'label' }}
          className="member-picker"
          options={org.users
            .filter((u) => u.active && !unit.memberIds.includes(u.id))
            .map((u) => ({ value: u.id, label: u.name }))}
        />
        <Button
          disabled={!newMember}
          onClick={() =>
            newMember &&
            void run(() => unitsApi.addMember(unit.id, newMember)).then(() =>
              setNewMember(undefined),
            )
          }
        >
          {t('common.add')}
        </Button>
      </div>

      <h3 className="section-label admin-section">{t('admin.units.addChild')}</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (child.trim() === '') return;
          setChildError(undefined);
          void run(
            () => unitsApi.create({ name: child.trim(), parentId: unit.id }),
            setChildError,
          ).then((ok) => ok && setChild(''));
        }}
      >
        <Input
          aria-label={t('admin.units.childName')}
          placeholder={t('admin.units.childName')}
          value={child}
          onChange={(e) => setChild(e.target.value)}
          maxLength={200}
        />
        <Button
          htmlType="submit"
          icon={<PlusOutlined aria-hidden />}
          disabled={child.trim() === ''}
        >
          {t('common.add')}
        </Button>
      </form>
      {childError !== undefined ? <ProblemAlert error={childError} /> : null}

      {unit.parentId !== null ? (
        <div className="admin-danger">
          <Popconfirm
            title={t('admin.units.deleteConfirm', { name: unit.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              run(() => unitsApi.remove(unit.id, unit.version)).then((ok) => ok && onDeleted())
            }
          >
            <Button danger icon={<DeleteOutlined aria-hidden />}>
              {t('admin.units.delete')}
            </Button>
          </Popconfirm>
        </div>
      ) : null}
    </Card>
  );
}

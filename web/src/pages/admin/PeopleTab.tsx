/** People: add, change role, units and language, deactivate, reset a password. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { users as usersApi } from '../../api/endpoints';
import type { User } from '../../api/types';
import { useOrgData } from '../../app/org-data';
import { ProblemAlert } from '../../components/problems';
import { ScrollRegion } from '../../components/ScrollRegion';
import { useFeedback } from '../../components/feedback';
import { useSubmit } from '../../hooks/useSubmit';

interface Values {
  name: string;
  email: string;
  role: 'admin' | 'member';
  locale: 'zh-CN' | 'en' | null;
  unitIds: string[];
  active: boolean;
  password: string;
}

export default function PeopleTab() {
  const { t } = useTranslation();
  const org = useOrgData();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return org.users.filter(
      (u) => !q || u.name.toLowerCase().includes(q) || u.email.toLowerCase().includes(q),
    );
  }, [org.users, query]);

  return (
    <Card>
      <div className="admin-toolbar">
        <Input.Search
          aria-label={t('admin.people.search')}
          placeholder={t('admin.people.search')}
          allowClear
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="admin-search"
        />
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setEditing('new')}
        >
          {t('admin.people.add')}
        </Button>
      </div>
      <ScrollRegion label={t('admin.tab.people')} minWidth={720}>
        <Table<User>
          rowKey="id"
          size="middle"
          dataSource={rows}
          loading={org.loading}
          pagination={rows.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: t('admin.people.none') }}
          columns={[
            { title: t('admin.people.name'), dataIndex: 'name' },
            { title: t('admin.people.email'), dataIndex: 'email' },
            { title: t('admin.people.role'), render: (_: unknown, u) => t(`role.${u.role}`) },
            {
              title: t('admin.people.units'),
              render: (_: unknown, u) => (u.unitIds ?? []).map((id) => org.unitName(id)).join('、'),
            },
            {
              title: t('admin.people.status'),
              render: (_: unknown, u) =>
                u.active ? t('admin.people.active') : <Tag>{t('admin.people.inactive')}</Tag>,
            },
            {
              title: <span className="sr-only">{t('settings.col.actions')}</span>,
              render: (_: unknown, u) => (
                <Button
                  size="small"
                  onClick={() => setEditing(u)}
                  aria-label={t('admin.people.editOf', { name: u.name })}
                >
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </ScrollRegion>
      {editing ? (
        <PersonDialog user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Card>
  );
}

function PersonDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const org = useOrgData();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useSubmit();
  const initial: Values = {
    name: user?.name ?? '',
    email: user?.email ?? '',
    role: user?.role ?? 'member',
    locale: user?.locale === 'en' || user?.locale === 'zh-CN' ? user.locale : null,
    unitIds: user?.unitIds ?? [],
    active: user?.active ?? true,
    password: '',
  };
  const save = (v: Values) =>
    run(async () => {
      const common = {
        name: v.name.trim(),
        email: v.email.trim(),
        role: v.role,
        locale: v.locale,
        unitIds: v.unitIds,
      };
      if (user) {
        await usersApi.update(
          user.id,
          { ...common, active: v.active, ...(v.password ? { password: v.password } : {}) },
          user.version,
        );
      } else {
        await usersApi.create({ ...common, ...(v.password ? { password: v.password } : {}) });
      }
      await org.reload();
      void message.success(t('admin.saved'));
      onClose();
    });
  return (
    <Modal
      open
      title={user ? t('admin.people.edit') : t('admin.people.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="person"
        initialValues={initial}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="name"
          label={t('admin.people.name')}
          rules={[{ required: true, whitespace: true, message: t('settings.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('admin.people.email')}
          rules={[{ required: true, type: 'email', message: t('admin.people.emailInvalid') }]}
        >
          <Input type="email" maxLength={320} />
        </Form.Item>
        <div className="form-grid">
          <Form.Item name="role" label={t('admin.people.role')}>
            <Select
              options={(['member', 'admin'] as const).map((r) => ({
                value: r,
                label: t(`role.${r}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="locale" label={t('settings.language')}>
            <Select
              allowClear
              placeholder={t('admin.people.browserLanguage')}
              options={[
                { value: 'zh-CN', label: t('language.zh') },
                { value: 'en', label: t('language.en') },
              ]}
            />
          </Form.Item>
        </div>
        <Form.Item name="unitIds" label={t('admin.people.units')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={org.units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={user ? t('admin.people.resetPassword') : t('admin.people.password')}
          extra={t('admin.people.passwordHint')}
          rules={[{ min: 8, message: t('settings.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {user ? (
          <Form.Item
            name="active"
            label={t('admin.people.status')}
            valuePropName="checked"
            extra={t('admin.people.deactivateHint')}
          >
            <Switch
              checkedChildren={t('admin.people.active')}
              unCheckedChildren={t('admin.people.inactive')}
            />
          </Form.Item>
        ) : null}
        {error !== undefined ? <ProblemAlert error={error} /> : null}
      </Form>
    </Modal>
  );
}

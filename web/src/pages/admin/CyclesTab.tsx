/** Cycles: create (year, quarter, …), rename, move the state forward one step. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cycles as cyclesApi } from '../../api/endpoints';
import type { Cycle, CycleKind, CycleState } from '../../api/types';
import { useOrgData } from '../../app/org-data';
import { useFeedback } from '../../components/feedback';
import { ProblemAlert, useDescribe } from '../../components/problems';
import { ScrollRegion } from '../../components/ScrollRegion';
import { useSubmit } from '../../hooks/useSubmit';

const NEXT: Record<CycleState, CycleState | null> = {
  planning: 'active',
  active: 'reviewing',
  reviewing: 'closed',
  closed: null,
};
const KINDS: CycleKind[] = ['year', 'half', 'quarter', 'month', 'custom'];

export default function CyclesTab() {
  const { t } = useTranslation();
  const org = useOrgData();
  const { message } = useFeedback();
  const describe = useDescribe();
  const [creating, setCreating] = useState(false);
  const advance = async (c: Cycle) => {
    const next = NEXT[c.state];
    if (!next) return;
    try {
      await cyclesApi.update(c.id, { state: next }, c.version);
      await org.reload();
      void message.success(
        t('admin.cycles.moved', { name: c.name, state: t(`cycleState.${next}`) }),
      );
    } catch (e) {
      void message.error(describe(e).message);
    }
  };
  return (
    <Card>
      <div className="admin-toolbar">
        <span className="muted">{t('admin.cycles.help')}</span>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setCreating(true)}
        >
          {t('admin.cycles.add')}
        </Button>
      </div>
      <ScrollRegion label={t('admin.tab.cycles')} minWidth={720}>
        <Table<Cycle>
          rowKey="id"
          dataSource={org.cycles}
          loading={org.loading}
          pagination={false}
          locale={{ emptyText: t('admin.cycles.none') }}
          columns={[
            { title: t('admin.cycles.name'), dataIndex: 'name' },
            { title: t('admin.cycles.kind'), render: (_: unknown, c) => t(`cycleKind.${c.kind}`) },
            {
              title: t('admin.cycles.dates'),
              render: (_: unknown, c) => `${c.startDate} → ${c.endDate}`,
            },
            {
              title: t('admin.cycles.parent'),
              render: (_: unknown, c) => org.cycles.find((p) => p.id === c.parentId)?.name ?? '–',
            },
            {
              title: t('admin.cycles.state'),
              render: (_: unknown, c) => <Tag>{t(`cycleState.${c.state}`)}</Tag>,
            },
            {
              title: <span className="sr-only">{t('settings.col.actions')}</span>,
              render: (_: unknown, c) => {
                const next = NEXT[c.state];
                return next ? (
                  <Popconfirm
                    title={t('admin.cycles.moveConfirm', {
                      name: c.name,
                      state: t(`cycleState.${next}`),
                    })}
                    description={next === 'closed' ? t('admin.cycles.closeWarning') : undefined}
                    okText={t('admin.cycles.move')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => advance(c)}
                  >
                    <Button size="small">
                      {t('admin.cycles.moveTo', { state: t(`cycleState.${next}`) })}
                    </Button>
                  </Popconfirm>
                ) : null;
              },
            },
          ]}
        />
      </ScrollRegion>
      {creating ? <CycleDialog onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}

interface Values {
  name: string;
  kind: CycleKind;
  dates: [Dayjs, Dayjs] | null;
  parentId: string | null;
}

function CycleDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const org = useOrgData();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useSubmit();
  return (
    <Modal
      open
      title={t('admin.cycles.add')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="cycle"
        initialValues={{ name: '', kind: 'quarter', dates: null, parentId: null }}
        onFinish={async (v) => {
          if (!v.dates) return;
          const [start, end] = v.dates;
          await run(async () => {
            await cyclesApi.create({
              name: v.name.trim(),
              kind: v.kind,
              startDate: start.format('YYYY-MM-DD'),
              endDate: end.format('YYYY-MM-DD'),
              parentId: v.parentId ?? null,
            });
            await org.reload();
            void message.success(t('admin.saved'));
            onClose();
          });
        }}
      >
        <Form.Item
          name="name"
          label={t('admin.cycles.name')}
          rules={[{ required: true, whitespace: true, message: t('settings.required') }]}
        >
          <Input maxLength={200} placeholder={t('admin.cycles.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.cycles.kind')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`cycleKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="dates"
          label={t('admin.cycles.dates')}
          rules={[{ required: true, message: t('settings.required') }]}
        >
          <DatePicker.RangePicker className="full-width" />
        </Form.Item>
        <Form.Item
          name="parentId"
          label={t('admin.cycles.parent')}
          extra={t('admin.cycles.parentHint')}
        >
          <Select allowClear options={org.cycles.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        {error !== undefined ? <ProblemAlert error={error} /> : null}
      </Form>
    </Modal>
  );
}

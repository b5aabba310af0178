/** 个人设置: language, password, and personal API tokens (shown once, revocable). */
import { CopyOutlined, DeleteOutlined, KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Popconfirm, Radio, Row, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auth, users } from '../api/endpoints';
import type { ApiToken } from '../api/types';
import { useMe, useSession } from '../app/session';
import { useFeedback } from '../components/feedback';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert, useDescribe } from '../components/problems';
import { ScrollRegion } from '../components/ScrollRegion';
import { AsyncView } from '../components/states';
import { useAsync } from '../hooks/useAsync';
import { usePageTitle } from '../hooks/usePageTitle';
import { useSubmit } from '../hooks/useSubmit';
import type { Locale } from '../lib/locale';

export default function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <LanguageCard />
        </Col>
        <Col xs={24} lg={12}>
          <PasswordCard />
        </Col>
        <Col xs={24}>
          <TokensCard />
        </Col>
      </Row>
    </>
  );
}

function LanguageCard() {
  const { t } = useTranslation();
  const { locale, setLocale } = useSession();
  const { message } = useFeedback();
  const describe = useDescribe();
  return (
    <Card title={<h2 className="card-title">{t('settings.language')}</h2>}>
      <p className="muted">{t('settings.languageHelp')}</p>
      <Radio.Group
        aria-label={t('settings.language')}
        value={locale}
        onChange={(e) => {
          setLocale(e.target.value as Locale).catch(
            (err: unknown) => void message.error(describe(err).message),
          );
        }}
        options={[
          { value: 'zh-CN', label: t('language.zh') },
          { value: 'en', label: t('language.en') },
        ]}
      />
    </Card>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ currentPassword: string; password: string; confirm: string }>();
  const { busy, error, run } = useSubmit();
  return (
    <Card title={<h2 className="card-title">{t('settings.password')}</h2>}>
      <Form
        form={form}
        layout="vertical"
        name="password"
        onFinish={(v) =>
          run(async () => {
            await users.update(me.id, { currentPassword: v.currentPassword, password: v.password });
            form.resetFields();
            void message.success(t('settings.passwordChanged'));
          })
        }
      >
        <Form.Item
          name="currentPassword"
          label={t('settings.currentPassword')}
          rules={[{ required: true, message: t('settings.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('settings.newPassword')}
          rules={[{ required: true, min: 8, message: t('settings.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('settings.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('settings.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('settings.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error !== undefined ? <ProblemAlert error={error} /> : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('settings.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}

function TokensCard() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const describe = useDescribe();
  const tokens = useAsync(() => auth.tokens().then((r) => r.items), []);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const { busy, error, run } = useSubmit();
  const fmt = (ts: string | null) => (ts ? new Date(ts).toLocaleString(i18n.language) : '–');
  return (
    <Card title={<h2 className="card-title">{t('settings.tokens')}</h2>}>
      <p className="muted">{t('settings.tokensHelp')}</p>
      <form
        className="token-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (name.trim() === '') return;
          await run(async () => {
            const r = await auth.createToken(name.trim());
            setCreated({ name: r.name, token: r.token });
            setName('');
            await tokens.reload();
          });
        }}
      >
        <label htmlFor="token-name" className="sr-only">
          {t('settings.tokenName')}
        </label>
        <Input
          id="token-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('settings.tokenName')}
          maxLength={200}
        />
        <Button
          type="primary"
          htmlType="submit"
          icon={<KeyOutlined aria-hidden />}
          loading={busy}
          disabled={name.trim() === ''}
        >
          {t('settings.createToken')}
        </Button>
      </form>
      {error !== undefined ? <ProblemAlert error={error} /> : null}
      {created ? (
        <Alert
          className="token-created"
          type="success"
          showIcon
          title={t('settings.tokenCreated', { name: created.name })}
          description={
            <div className="token-secret">
              <code>{created.token}</code>
              <Button
                size="small"
                icon={<CopyOutlined aria-hidden />}
                onClick={() => {
                  navigator.clipboard?.writeText(created.token).then(
                    () => void message.success(t('settings.copied')),
                    () => undefined,
                  );
                }}
              >
                {t('settings.copy')}
              </Button>
            </div>
          }
          closable={{ onClose: () => setCreated(null) }}
        />
      ) : null}
      <AsyncView {...tokens} reload={() => void tokens.reload()}>
        {(items) => (
          <ScrollRegion label={t('settings.tokens')} minWidth={560}>
            <Table<ApiToken>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={items}
              locale={{ emptyText: t('settings.noTokens') }}
              columns={[
                { title: t('settings.col.name'), dataIndex: 'name' },
                { title: t('settings.col.created'), render: (_: unknown, r) => fmt(r.createdAt) },
                { title: t('settings.col.lastUsed'), render: (_: unknown, r) => fmt(r.lastUsedAt) },
                {
                  title: t('settings.col.state'),
                  render: (_: unknown, r) =>
                    r.revokedAt ? t('settings.revoked') : t('settings.active'),
                },
                {
                  title: <span className="sr-only">{t('settings.col.actions')}</span>,
                  render: (_: unknown, r) =>
                    r.revokedAt ? null : (
                      <Popconfirm
                        title={t('settings.revokeConfirm')}
                        okText={t('settings.revoke')}
                        cancelText={t('common.cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() =>
                          auth
                            .revokeToken(r.id)
                            .then(() => tokens.reload())
                            .catch((e: unknown) => void message.error(describe(e).message))
                        }
                      >
                        <Button size="small" danger icon={<DeleteOutlined aria-hidden />}>
                          {t('settings.revoke')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]}
            />
          </ScrollRegion>
        )}
      </AsyncView>
    </Card>
  );
}

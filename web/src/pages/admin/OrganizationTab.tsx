/** Organization settings: name, language, time zone, health thresholds, review and check-in rules. */
import { Button, Card, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { organization as orgApi } from '../../api/endpoints';
import type { Organization } from '../../api/types';
import { useSession } from '../../app/session';
import { useFeedback } from '../../components/feedback';
import { ProblemAlert } from '../../components/problems';
import { AsyncView } from '../../components/states';
import { useAsync } from '../../hooks/useAsync';
import { useSubmit } from '../../hooks/useSubmit';

interface Values {
  name: string;
  locale: 'zh-CN' | 'en';
  timezone: string;
  atRisk: number;
  offTrack: number;
  qualityGate: 'off' | 'warn' | 'block';
  adjustmentsNeedApproval: boolean;
  checkInWeekday: number;
  minKeyResultsPerObjective: number;
  maxKeyResultsPerObjective: number;
  maxObjectivesPerPlan: number;
  stretchThreshold: number;
}

const TIMEZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

export default function OrganizationTab() {
  const { t } = useTranslation();
  const state = useAsync(() => orgApi.get(), []);
  return (
    <AsyncView {...state} reload={() => void state.reload()} errorTitle={t('admin.org.loadFailed')}>
      {(o) => <OrganizationForm key={o.version} org={o} onSaved={(next) => state.setData(next)} />}
    </AsyncView>
  );
}

function OrganizationForm({
  org,
  onSaved,
}: {
  org: Organization;
  onSaved: (o: Organization) => void;
}) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const { message } = useFeedback();
  const { busy, error, run } = useSubmit();
  const s = org.settings;
  const pct = (x: number) => Math.round(x * 100);
  const initial: Values = {
    name: org.name,
    locale: org.locale === 'en' ? 'en' : 'zh-CN',
    timezone: org.timezone,
    atRisk: pct(s.healthThresholds.atRisk),
    offTrack: pct(s.healthThresholds.offTrack),
    qualityGate: s.qualityGate,
    adjustmentsNeedApproval: s.adjustmentsNeedApproval,
    checkInWeekday: s.checkInWeekday,
    minKeyResultsPerObjective: s.quality.minKeyResultsPerObjective,
    maxKeyResultsPerObjective: s.quality.maxKeyResultsPerObjective,
    maxObjectivesPerPlan: s.quality.maxObjectivesPerPlan,
    stretchThreshold: pct(s.quality.stretchThreshold),
  };
  return (
    <Card>
      <Form<Values>
        layout="vertical"
        name="organization"
        initialValues={initial}
        onFinish={(v) =>
          run(async () => {
            const next = await orgApi.update(
              {
                name: v.name.trim(),
                locale: v.locale,
                timezone: v.timezone,
                settings: {
                  healthThresholds: { atRisk: v.atRisk / 100, offTrack: v.offTrack / 100 },
                  qualityGate: v.qualityGate,
                  adjustmentsNeedApproval: v.adjustmentsNeedApproval,
                  checkInWeekday: v.checkInWeekday,
                  quality: {
                    minKeyResultsPerObjective: v.minKeyResultsPerObjective,
                    maxKeyResultsPerObjective: v.maxKeyResultsPerObjective,
                    maxObjectivesPerPlan: v.maxObjectivesPerPlan,
                    stretchThreshold: v.stretchThreshold / 100,
                  },
                },
              },
              org.version,
            );
            onSaved(next);
            await refresh();
            void message.success(t('admin.saved'));
          })
        }
      >
        <h2 className="section-title admin-section-first">{t('admin.org.general')}</h2>
        <div className="form-grid wide">
          <Form.Item
            name="name"
            label={t('admin.org.name')}
            rules={[{ required: true, whitespace: true, message: t('settings.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="locale" label={t('admin.org.locale')} extra={t('admin.org.localeHint')}>
            <Select
              options={[
                { value: 'zh-CN', label: t('language.zh') },
                { value: 'en', label: t('language.en') },
              ]}
            />
          </Form.Item>
          <Form.Item name="timezone" label={t('admin.org.timezone')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={[...new Set([org.timezone, ...TIMEZONES])].map((z) => ({
                value: z,
                label: z,
              }))}
            />
          </Form.Item>
        </div>
        <h2 className="section-title admin-section">{t('admin.org.health')}</h2>
        <p className="muted">{t('admin.org.healthHelp')}</p>
        <div className="form-grid wide">
          <Form.Item name="atRisk" label={t('admin.org.atRisk')}>
            <InputNumber min={0} max={100} suffix={t('admin.org.points')} className="full-width" />
          </Form.Item>
          <Form.Item name="offTrack" label={t('admin.org.offTrack')}>
            <InputNumber min={0} max={100} suffix={t('admin.org.points')} className="full-width" />
          </Form.Item>
        </div>
        <h2 className="section-title admin-section">{t('admin.org.rules')}</h2>
        <div className="form-grid wide">
          <Form.Item name="qualityGate" label={t('admin.org.qualityGate')}>
            <Select
              options={(['off', 'warn', 'block'] as const).map((g) => ({
                value: g,
                label: t(`admin.org.gate.${g}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="checkInWeekday" label={t('admin.org.checkInWeekday')}>
            <Select
              options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`weekday.${d}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="adjustmentsNeedApproval"
            label={t('admin.org.adjustmentsNeedApproval')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Form.Item name="minKeyResultsPerObjective" label={t('admin.org.minKrs')}>
            <InputNumber min={0} max={100} className="full-width" />
          </Form.Item>
          <Form.Item name="maxKeyResultsPerObjective" label={t('admin.org.maxKrs')}>
            <InputNumber min={0} max={100} className="full-width" />
          </Form.Item>
          <Form.Item name="maxObjectivesPerPlan" label={t('admin.org.maxObjectives')}>
            <InputNumber min={0} max={100} className="full-width" />
          </Form.Item>
          <Form.Item name="stretchThreshold" label={t('admin.org.stretch')}>
            <InputNumber min={0} max={100} suffix="%" className="full-width" />
          </Form.Item>
        </div>
        {error !== undefined ? <ProblemAlert error={error} /> : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

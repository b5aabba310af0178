/** Switches between 中文 and English; the choice is saved for the person. */
import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session';
import type { Locale } from '../lib/locale';
import { useDescribe } from './problems';
import { useFeedback } from './feedback';

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { locale, setLocale } = useSession();
  const { message } = useFeedback();
  const describe = useDescribe();
  return (
    <Select
      className="language-switch"
      aria-label={t('language.switch')}
      value={locale}
      variant="borderless"
      suffixIcon={<GlobalOutlined aria-hidden />}
      popupMatchSelectWidth={false}
      onChange={(l: Locale) => {
        setLocale(l).catch((e: unknown) => void message.error(describe(e).message));
      }}
      options={[
        { value: 'zh-CN', label: compact ? t('language.zhShort') : t('language.zh') },
        { value: 'en', label: compact ? t('language.enShort') : t('language.en') },
      ]}
    />
  );
}

/** i18next with the two bundled languages; antd and dayjs follow the same choice. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import type { Locale } from '../lib/locale';
import en from './en.json';
import zhCN from './zh-CN.json';

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const;

/** Starts i18next in `locale`. */
export function initI18n(locale: Locale): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyLocale(locale);
  return i18n;
}

/** Switches the UI language, dayjs and the document's lang attribute. */
export function applyLocale(locale: Locale): void {
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
}

export default i18n;

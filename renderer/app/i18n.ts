import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/fr';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Language } from '../../shared/domain/vocabularies';
import { en } from '../../shared/i18n/en';
import { fr } from '../../shared/i18n/fr';

// French is the source of truth and the fallback: a key missing in English still reads well.
export const resources = { fr: { translation: fr }, en: { translation: en } } as const;

export const i18n = i18next;

if (!i18n.isInitialized) {
  void i18n.use(initReactI18next).init({
    resources,
    lng: 'fr',
    fallbackLng: 'fr',
    supportedLngs: ['fr', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
    // Synchronous: the catalogues are bundled, so the first render already has its words.
    initAsync: false,
  });
  dayjs.locale('fr');
}

export function normaliseLanguage(lang: string | null | undefined): Language {
  return lang?.startsWith('en') ? 'en' : 'fr';
}

/** Switches the interface language (texts, dayjs for the date pickers, <html lang>). */
export async function setLanguage(lang: Language): Promise<void> {
  dayjs.locale(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
}

/** The current interface language; re-renders when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return normaliseLanguage(instance.language);
}

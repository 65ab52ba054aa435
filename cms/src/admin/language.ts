import { DEFAULT_LOCALE, isLocale, type Locale } from '@ventalis/contracts/locale';

/**
 * Where Strapi keeps the panel's language in this browser. A person's choice in their profile
 * ("Interface language") is stored there and on their admin account, which the panel applies
 * again whenever they sign in.
 */
export const PANEL_LANGUAGE_KEY = 'strapi-admin-language';

/**
 * The panel's language for someone who never chose one in this browser: the first of French
 * and English their browser asks for, else French, as the storefront does for visitors.
 * Ventalis works in French; a colleague whose browser is in English gets English at once.
 */
export function firstPanelLanguage(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split('-')[0];
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

/** Called before the panel first renders (Strapi reads the key then, defaulting to English). */
export function choosePanelLanguage(storage: Pick<Storage, 'getItem' | 'setItem'>, preferred: readonly string[]) {
  if (!storage.getItem(PANEL_LANGUAGE_KEY)) storage.setItem(PANEL_LANGUAGE_KEY, firstPanelLanguage(preferred));
}

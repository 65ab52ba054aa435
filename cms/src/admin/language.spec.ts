import { describe, expect, test } from 'vitest';
import { choosePanelLanguage, firstPanelLanguage, PANEL_LANGUAGE_KEY } from './language';

const storage = (initial: Record<string, string> = {}) => {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
};

describe("the panel's language for someone who never chose one", () => {
  test('French when the browser asks for French first, or for neither French nor English', () => {
    expect(firstPanelLanguage(['fr-FR', 'fr', 'en-US', 'en'])).toBe('fr');
    expect(firstPanelLanguage(['de-DE', 'es'])).toBe('fr');
    expect(firstPanelLanguage([])).toBe('fr');
  });

  test('English when the browser asks for English before French', () => {
    expect(firstPanelLanguage(['en-GB', 'fr'])).toBe('en');
    expect(firstPanelLanguage(['de', 'EN-us'])).toBe('en');
  });

  test('is stored where Strapi reads it before the panel renders; a choice already made is kept', () => {
    const fresh = storage();
    choosePanelLanguage(fresh, ['fr-BE']);
    expect(fresh.values.get(PANEL_LANGUAGE_KEY)).toBe('fr');

    const chosen = storage({ [PANEL_LANGUAGE_KEY]: 'en' });
    choosePanelLanguage(chosen, ['fr-FR']);
    expect(chosen.values.get(PANEL_LANGUAGE_KEY)).toBe('en');
  });
});

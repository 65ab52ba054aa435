import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@ventalis/contracts';

const ACCEPTED = `must be one of ${LOCALES.join(', ')}`;

/**
 * The language a public read asks for: `?locale=fr|en`, French when absent. Anything else
 * (an unknown code, an empty or repeated parameter) is refused as a whole with the code
 * `locale.unknown`, before anything is read: no answer half in one language.
 */
export function requestedLocale(query: Record<string, unknown> | undefined): Locale {
  const value = query?.locale;
  if (value === undefined) return DEFAULT_LOCALE;
  if (isLocale(value)) return value;
  const given = typeof value === 'string' ? `"${value.slice(0, 20)}"` : 'given more than once';
  throw new errors.ValidationError(`Unknown locale ${given}: locale ${ACCEPTED}`, {
    code: 'locale.unknown',
    params: {},
    errors: { locale: ACCEPTED },
    codes: { locale: { code: 'locale.unknown', params: {} } },
  });
}

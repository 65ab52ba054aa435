/** For unit tests: run code as if the request were in this language (outside a request, it is French). */
import type { Locale } from '@ventalis/contracts/locale';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime.js';

export function inLocale<T>(locale: Locale, run: () => T): T {
  const previous = getLocale;
  overwriteGetLocale(() => locale);
  try {
    return run();
  } finally {
    overwriteGetLocale(previous);
  }
}

import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES } from './locale.ts';

/** A `locale` query parameter or field: one of LOCALES. */
export const localeSchema = z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` });
/** The same, French when absent. */
export const optionalLocaleSchema = localeSchema.default(DEFAULT_LOCALE);

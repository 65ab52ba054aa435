/**
 * The catalogue's URL query ↔ the cms product query. Everything a visitor chooses
 * (search, eco label, price range in euros, sort, page) lives in the URL, so a GET form
 * works without JavaScript and every result page can be shared or bookmarked.
 */
import { PRODUCT_SORTS, productListQuerySchema, type FieldErrors, type ProductListQuery, type ProductSort } from '@ventalis/contracts';
import { formatEuros, parseEurosToCents } from './format.ts';
import { m } from './paraglide/messages.js';

export const PAGE_SIZE = 12;
/** How many products a page may show: buyers who know what they want see more at once. */
export const PAGE_SIZES = [12, 24, 48, 100] as const;

/** What each sort is called, in the page's language. */
export const SORT_LABELS: Record<ProductSort, () => string> = {
  name: m.catalogue_sort_name,
  price_asc: m.catalogue_sort_price_asc,
  price_desc: m.catalogue_sort_price_desc,
  newest: m.catalogue_sort_newest,
  co2e: m.catalogue_sort_co2e,
};

const MAX_QUERY_LENGTH = 100;

/** What the filter form shows back: exactly what the visitor typed, errors aside. */
export interface CatalogueForm {
  q: string;
  label: string;
  min: string;
  max: string;
  sort: ProductSort;
  /** Products per page, one of PAGE_SIZES as typed in the URL ('' for the default). */
  perPage?: string;
}

export interface CatalogueSearch {
  /** The language is not the URL query's to say: the cms client asks in the page's. */
  query: Omit<ProductListQuery, 'locale'>;
  form: CatalogueForm;
  /** Per form field; a field in error is left out of the query rather than failing the page. */
  errors: FieldErrors;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isSort(value: string): value is ProductSort {
  return (PRODUCT_SORTS as readonly string[]).includes(value);
}

export function parseCatalogueSearch(params: URLSearchParams, category?: string): CatalogueSearch {
  const errors: FieldErrors = {};
  const text = (name: string) => (params.get(name) ?? '').trim();

  const form: CatalogueForm = { q: text('q'), label: text('label'), min: text('min'), max: text('max'), sort: 'name', perPage: '' };
  const sort = text('sort');
  if (isSort(sort)) form.sort = sort;
  const perPage = Number(text('perPage'));
  if ((PAGE_SIZES as readonly number[]).includes(perPage) && perPage !== PAGE_SIZE) form.perPage = String(perPage);

  const query: Record<string, unknown> = { sort: form.sort, pageSize: form.perPage ? Number(form.perPage) : PAGE_SIZE };
  if (category) query.category = category;

  if (form.q.length > MAX_QUERY_LENGTH) errors.q = m.catalogue_error_query_too_long({ max: MAX_QUERY_LENGTH });
  else if (form.q) query.q = form.q;

  if (form.label && !SLUG.test(form.label)) errors.label = m.catalogue_error_label();
  else if (form.label) query.label = form.label;

  for (const [field, key, problem] of [
    ['min', 'priceMin', m.catalogue_error_min_price],
    ['max', 'priceMax', m.catalogue_error_max_price],
  ] as const) {
    if (!form[field]) continue;
    const cents = parseEurosToCents(form[field]);
    if (cents === null || cents > 100_000_000) errors[field] = problem();
    else query[key] = cents;
  }
  if (typeof query.priceMin === 'number' && typeof query.priceMax === 'number' && query.priceMin > query.priceMax) {
    errors.max = m.catalogue_error_price_order();
    delete query.priceMax;
  }

  const page = Number(text('page'));
  query.page = Number.isSafeInteger(page) && page >= 1 ? page : 1;

  // The shared schema is the cms' own: what it accepts here, the cms accepts too.
  const { locale: _locale, ...parsed } = productListQuerySchema.parse(query);
  return { query: parsed, form, errors };
}

/** The URL of a catalogue page with these filters, leaving out empty values and defaults. */
export function catalogueHref(path: string, form: Partial<CatalogueForm>, page = 1): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'label', 'min', 'max'] as const) {
    const value = form[key]?.trim();
    if (value) params.set(key, value);
  }
  if (form.sort && form.sort !== 'name') params.set('sort', form.sort);
  if (form.perPage && form.perPage !== String(PAGE_SIZE)) params.set('perPage', form.perPage);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The active filters as removable chips: label and the href without that filter. */
export function activeFilters(path: string, form: CatalogueForm, labelName: (slug: string) => string | undefined, errors: FieldErrors = {}) {
  const chips: { label: string; href: string }[] = [];
  if (form.q) chips.push({ label: m.catalogue_filter_query({ query: form.q }), href: catalogueHref(path, { ...form, q: '' }) });
  if (form.label && !errors.label) chips.push({ label: labelName(form.label) ?? form.label, href: catalogueHref(path, { ...form, label: '' }) });
  const min = !errors.min && form.min ? parseEurosToCents(form.min) : null;
  const max = !errors.max && form.max ? parseEurosToCents(form.max) : null;
  if (min !== null) chips.push({ label: m.catalogue_filter_min({ amount: formatEuros(min) }), href: catalogueHref(path, { ...form, min: '' }) });
  if (max !== null) chips.push({ label: m.catalogue_filter_max({ amount: formatEuros(max) }), href: catalogueHref(path, { ...form, max: '' }) });
  return chips;
}

export interface Pagination {
  page: number;
  pageCount: number;
  previous: string | null;
  next: string | null;
  /** Page numbers around the current one, with null for a gap ("…"). */
  pages: ({ number: number; href: string } | null)[];
}

export function pagination(path: string, form: CatalogueForm, page: number, pageCount: number): Pagination {
  const href = (n: number) => catalogueHref(path, form, n);
  const shown = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const pages: Pagination['pages'] = [];
  let last = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n - last > 1) pages.push(null);
    pages.push({ number: n, href: href(n) });
    last = n;
  }
  return {
    page,
    pageCount,
    previous: page > 1 && page <= pageCount ? href(page - 1) : null,
    next: page < pageCount ? href(page + 1) : null,
    pages,
  };
}

import { error, redirect } from '@sveltejs/kit';
import { PRODUCT_SORTS, type Category } from '@ventalis/contracts';
import { activeFilters, PAGE_SIZES, pagination, parseCatalogueSearch, SORT_LABELS } from '#lib/catalogue-query.ts';
import { localizeHref, slugPaths } from '#lib/i18n.ts';
import { m } from '#lib/paraglide/messages.js';
import { cms } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const load: PageServerLoad = async ({ params, url, locals }) => {
  if (params.category !== undefined && !SLUG.test(params.category)) error(404, m.category_not_found());

  const search = parseCatalogueSearch(url.searchParams, params.category);
  // A signed-in customer's catalogue carries their company's negotiated prices: asked with their token, never shared.
  const [categories, labels, products] = await Promise.all([cms.listCategories(), cms.listEcoLabels(), cms.listProducts(search.query, locals.user?.role === 'customer' ? locals.tokens?.jwt : undefined)]);

  const wanted = params.category;
  const category = wanted ? categories.find((c) => c.slug === wanted || Object.values(c.slugs).includes(wanted)) : undefined;
  if (wanted && !category) error(404, m.category_not_found());
  // Each language has its own address: the other language's slug leads to this one.
  if (category && category.slug !== wanted) redirect(301, `${localizeHref(`/catalogue/${category.slug}`)}${url.search}`);

  // Every link of the page (filters, chips, pages) stays in its language.
  const path = localizeHref(category ? `/catalogue/${category.slug}` : '/catalogue');
  const labelName = (slug: string) => labels.find((label) => label.slug === slug)?.name;
  const { page, pageCount, total } = products.meta.pagination;

  return {
    alternatePaths: category ? slugPaths('/catalogue', category.slugs) : undefined,
    contentLocale: category?.locale,
    path,
    category: category ? { name: category.name, slug: category.slug, description: category.description, parent: category.parent, children: category.children } : null,
    // The navigation: top-level categories with their sub-categories.
    categoryTree: categories
      .filter((c: Category) => !c.parent)
      .map((c: Category) => ({ name: c.name, slug: c.slug, children: c.children })),
    labels,
    sortOptions: PRODUCT_SORTS.map((value) => ({ value, label: SORT_LABELS[value]() })),
    pageSizes: PAGE_SIZES,
    form: search.form,
    errors: search.errors,
    filters: activeFilters(path, search.form, labelName, search.errors),
    products: products.data,
    total,
    pagination: pagination(path, search.form, page, pageCount),
  };
};

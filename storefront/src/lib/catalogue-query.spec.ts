import { describe, expect, it } from 'vitest';
import { activeFilters, catalogueHref, pagination, PAGE_SIZE, parseCatalogueSearch, SORT_LABELS } from './catalogue-query.ts';
import { inLocale } from './testing/locale.ts';

const search = (query: string, category?: string) => parseCatalogueSearch(new URLSearchParams(query), category);

describe('parseCatalogueSearch', () => {
  it('turns the URL into the cms query, with prices in euros converted to cents', () => {
    const { query, errors } = search('q=box&label=fsc&min=100&max=450,50&sort=price_desc&page=2', 'packaging');
    expect(errors).toEqual({});
    expect(query).toEqual({ category: 'packaging', q: 'box', label: 'fsc', priceMin: 10000, priceMax: 45050, sort: 'price_desc', page: 2, pageSize: PAGE_SIZE });
  });

  it('defaults to the first page sorted by name', () => {
    expect(search('').query).toEqual({ sort: 'name', page: 1, pageSize: PAGE_SIZE });
  });

  it('keeps what was typed for the form and leaves a wrong field out of the query with a message', () => {
    const { query, form, errors } = search('min=cheap&max=20');
    expect(form.min).toBe('cheap');
    expect(errors.min).toMatch(/prix minimum en euros/);
    expect(inLocale('en', () => search('min=cheap').errors.min)).toMatch(/minimum price in euros/);
    expect(query.priceMin).toBeUndefined();
    expect(query.priceMax).toBe(2000);
  });

  it('refuses a maximum below the minimum', () => {
    const { query, errors } = search('min=50&max=10');
    expect(errors.max).toMatch(/au moins égal au prix minimum/);
    expect(inLocale('en', () => search('min=50&max=10').errors.max)).toMatch(/at least the minimum/);
    expect(query).toMatchObject({ priceMin: 5000 });
    expect(query.priceMax).toBeUndefined();
  });

  it('ignores an unknown sort, a bad page and a malformed label', () => {
    const { query, errors } = search('sort=cheapest&page=-3&label=Not%20a%20slug');
    expect(query.sort).toBe('name');
    expect(query.page).toBe(1);
    expect(query.label).toBeUndefined();
    expect(errors.label).toBeDefined();
  });

  it('shows 24, 48 or 100 products a page when asked, and the default for anything else', () => {
    expect(search('perPage=100').query.pageSize).toBe(100);
    expect(search('perPage=100').form.perPage).toBe('100');
    for (const odd of ['7', '1000', 'all', '12', '']) {
      expect(search(`perPage=${odd}`).query.pageSize, odd).toBe(PAGE_SIZE);
      expect(search(`perPage=${odd}`).form.perPage, odd).toBe('');
    }
  });

  it('refuses an overlong search instead of sending it', () => {
    const { query, errors } = search(`q=${'a'.repeat(101)}`);
    expect(query.q).toBeUndefined();
    expect(errors.q).toBe('Recherchez au plus 100 caractères');
  });

  it("names the sorts in the page's language", () => {
    expect(SORT_LABELS.price_asc()).toBe('Prix croissant');
    expect(inLocale('en', () => SORT_LABELS.price_asc())).toBe('Price: low to high');
  });
});

describe('catalogue links', () => {
  const form = { q: 'box', label: 'fsc', min: '10', max: '', sort: 'price_asc' as const };

  it('keeps filters and leaves defaults out of the URL', () => {
    expect(catalogueHref('/catalogue', form, 3)).toBe('/catalogue?q=box&label=fsc&min=10&sort=price_asc&page=3');
    expect(catalogueHref('/catalogue/packaging', { sort: 'name' }, 1)).toBe('/catalogue/packaging');
    expect(catalogueHref('/catalogue', { sort: 'name', perPage: '48' }, 2)).toBe('/catalogue?perPage=48&page=2');
  });

  it('lists the active filters with a link that removes each one', () => {
    const chips = activeFilters('/catalogue', form, (slug) => (slug === 'fsc' ? 'FSC' : undefined));
    expect(chips.map((c) => c.label)).toEqual(['«\u00a0box\u00a0»', 'FSC', 'À partir de 10,00\u00a0€']);
    expect(chips[1].href).toBe('/catalogue?q=box&min=10&sort=price_asc');
    const english = inLocale('en', () => activeFilters('/en/catalogue', { ...form, max: '72.5' }, () => 'FSC'));
    expect(english.map((c) => c.label)).toEqual(['“box”', 'FSC', 'From €10.00', 'Up to €72.50']);
    expect(english[3].href).toBe('/en/catalogue?q=box&label=fsc&min=10&sort=price_asc');
  });

  it('paginates around the current page with gaps', () => {
    const p = pagination('/catalogue', { ...form, q: '' }, 5, 9);
    expect(p.pages.map((item) => item?.number ?? '…')).toEqual([1, '…', 4, 5, 6, '…', 9]);
    expect(p.previous).toContain('page=4');
    expect(p.next).toContain('page=6');
    expect(pagination('/catalogue', form, 1, 1)).toMatchObject({ previous: null, next: null });
  });
});

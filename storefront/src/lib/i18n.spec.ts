import { describe, expect, it } from 'vitest';
import { alternates, localeOfPath, localizeHref, slugPaths, unlocalizedPath } from './i18n.ts';
import { inLocale } from './testing/locale.ts';

describe('addresses in two languages', () => {
  it('puts a path of this site in the language of the page, or the one asked for', () => {
    expect(localizeHref('/catalogue?q=box#top')).toBe('/fr/catalogue?q=box#top');
    expect(localizeHref('/')).toBe('/fr');
    expect(inLocale('en', () => localizeHref('/orders'))).toBe('/en/orders');
    expect(localizeHref('/en/orders')).toBe('/fr/orders');
    expect(localizeHref('/fr/orders', 'en')).toBe('/en/orders');
  });

  it('leaves anything that is not a path of this site as it is', () => {
    for (const href of ['#main', 'https://other.example/x', 'mailto:contact@ventalis.example', '//evil.example/x', '?page=2']) expect(localizeHref(href)).toBe(href);
  });

  it('reads the language of a path and the route behind it', () => {
    expect(localeOfPath('/en/catalogue')).toBe('en');
    expect(localeOfPath('/fr')).toBe('fr');
    expect(localeOfPath('/catalogue')).toBeNull();
    expect(localeOfPath('/english/x')).toBeNull();
    expect(unlocalizedPath('/en/catalogue/packaging')).toBe('/catalogue/packaging');
    expect(unlocalizedPath('/fr')).toBe('/');
    expect(unlocalizedPath('/catalogue')).toBe('/catalogue');
  });

  it('gives the current page in each language, query kept, a slug of its own where it has one', () => {
    const url = new URL('http://shop.test/fr/catalogue/emballages?sort=price_asc');
    expect(alternates(url)).toEqual([
      { locale: 'fr', href: '/fr/catalogue/emballages?sort=price_asc' },
      { locale: 'en', href: '/en/catalogue/emballages?sort=price_asc' },
    ]);
    expect(alternates(url, slugPaths('/catalogue', { fr: 'emballages', en: 'packaging' }))).toEqual([
      { locale: 'fr', href: '/fr/catalogue/emballages?sort=price_asc' },
      { locale: 'en', href: '/en/catalogue/packaging?sort=price_asc' },
    ]);
    // No English slug yet: the same address, where the cms answers in French.
    expect(slugPaths('/products', { fr: 'boite-kraft', en: null })).toEqual({ fr: '/products/boite-kraft' });
  });
});

describe("the storefront's address rule and Paraglide's", () => {
  it('agree on every kind of path', async () => {
    const runtime = await import('./paraglide/runtime.js');
    const paths = ['/', '/catalogue', '/catalogue/packaging?sort=name', '/fr', '/en/', '/en/orders/VT-1#notes', '/fr/catalogue?q=x', '/login?redirectTo=%2Fen%2Forders', '/?a=1'];
    const noTrailingSlash = (href: string) => href.replace(/^(\/[^?#]+?)\/+(?=[?#]|$)/, '$1');
    for (const path of paths) {
      expect(unlocalizedPath(path), path).toBe(runtime.deLocalizeHref(path));
      for (const locale of ['fr', 'en'] as const) expect(localizeHref(path, locale), `${path} in ${locale}`).toBe(noTrailingSlash(runtime.localizeHref(path, { locale })));
    }
  });

  it('tells the browser the language of the page from its address', async () => {
    const browser = await import('./paraglide-browser.ts');
    const saved = globalThis.location;
    try {
      for (const [href, locale] of [['http://shop.test/en/catalogue', 'en'], ['http://shop.test/fr', 'fr'], ['http://shop.test/de/x', 'fr']] as const) {
        Object.defineProperty(globalThis, 'location', { value: new URL(href), configurable: true });
        expect(browser.getLocale(), href).toBe(locale);
      }
    } finally {
      Object.defineProperty(globalThis, 'location', { value: saved, configurable: true });
    }
  });
});

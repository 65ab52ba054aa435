import { describe, expect, it } from 'vitest';
import { loginHref, safeRedirectPath } from './redirect.ts';
import { inLocale } from './testing/locale.ts';

/** Known open-redirect payloads: each tries to make a path on this site lead elsewhere. */
const OPEN_REDIRECT_PAYLOADS = [
  'https://evil.example/',
  'http:evil.example',
  'https:evil.example',
  'https:/evil.example',
  '//evil.example',
  '///evil.example',
  '////evil.example/x',
  '/\\evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/\u0000/evil.example',
  '/..//evil.example',
  '/../..//evil.example',
  '/.//evil.example',
  '/a/..//evil.example',
  '/%2e%2e//evil.example',
  '/%2E%2E//evil.example',
  '/.%2e//evil.example',
  '/%2F%2Fevil.example',
  '/%2f/evil.example',
  '/%5Cevil.example',
  '/%5C%5Cevil.example',
  '/%09/evil.example',
  '/%0a/evil.example',
  '/@evil.example',
  '/evil.example@',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  '/javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'evil.example',
  'products',
  '?x=//evil.example',
  '#//evil.example',
  '/\u3002evil.example',
  '/ /evil.example',
];

const SHOP = 'https://shop.example';

describe('safeRedirectPath', () => {
  it('keeps a path on this site, with its query and anchor', () => {
    expect(safeRedirectPath('/products/kraft-box?x=1#eco')).toBe('/products/kraft-box?x=1#eco');
    expect(safeRedirectPath('/catalogue')).toBe('/catalogue');
    expect(safeRedirectPath('/orders/../cart')).toBe('/cart');
  });

  it('refuses anything that could leave the site', () => {
    for (const target of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', 'products', '/\t/evil.example', null, undefined, '']) {
      expect(safeRedirectPath(target as string)).toBe('/');
    }
  });

  it('normalises the path before checking it: /..//evil.example is another site', () => {
    expect(safeRedirectPath('/..//evil.example')).toBe('/');
    expect(safeRedirectPath('/%2e%2e//evil.example', '/account')).toBe('/account');
    expect(safeRedirectPath('/a/..//evil.example')).toBe('/');
  });

  it.each(OPEN_REDIRECT_PAYLOADS)('answers %j with a path that stays on this site', (payload) => {
    const path = safeRedirectPath(payload);
    expect(path.startsWith('/')).toBe(true);
    expect(path.startsWith('//')).toBe(false);
    expect(path).not.toMatch(/[\\\u0000-\u001f\u007f]/);
    // Read as a browser reads a Location header, from a page of the shop.
    const target = new URL(path, `${SHOP}/login?redirectTo=x`);
    expect(target.origin).toBe(SHOP);
    // And again, once more normalised: what is sent back stays where it is.
    expect(safeRedirectPath(path)).toBe(path);
  });

  it('does not send people back to the login or logout page', () => {
    expect(safeRedirectPath('/login?redirectTo=/x')).toBe('/');
    expect(safeRedirectPath('/logout', '/catalogue')).toBe('/catalogue');
    expect(safeRedirectPath('/./login')).toBe('/');
    expect(safeRedirectPath('/en/login?redirectTo=/x')).toBe('/');
    expect(safeRedirectPath('/fr/logout', '/fr/catalogue')).toBe('/fr/catalogue');
  });

  it('keeps the language of the page to go back to', () => {
    expect(safeRedirectPath('/en/orders?scope=completed')).toBe('/en/orders?scope=completed');
  });

  it('builds the login link back to the current page', () => {
    expect(loginHref({ pathname: '/products/a', search: '?b=1' })).toBe('/fr/login?redirectTo=%2Fproducts%2Fa%3Fb%3D1');
    expect(loginHref({ pathname: '/', search: '' })).toBe('/fr/login');
    expect(loginHref({ pathname: '/fr/', search: '' })).toBe('/fr/login');
    expect(loginHref({ pathname: '/fr/login', search: '' })).toBe('/fr/login');
    expect(inLocale('en', () => loginHref({ pathname: '/en/products/a', search: '' }))).toBe('/en/login?redirectTo=%2Fen%2Fproducts%2Fa');
  });
});

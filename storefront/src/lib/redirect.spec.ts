import { describe, expect, it } from 'vitest';
import { loginHref, safeRedirectPath } from './redirect.ts';

describe('safeRedirectPath', () => {
  it('keeps a path on this site, with its query and anchor', () => {
    expect(safeRedirectPath('/products/kraft-box?x=1#eco')).toBe('/products/kraft-box?x=1#eco');
    expect(safeRedirectPath('/catalogue')).toBe('/catalogue');
  });

  it('refuses anything that could leave the site', () => {
    for (const target of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', 'products', '/\t/evil.example', null, undefined, '']) {
      expect(safeRedirectPath(target as string)).toBe('/');
    }
  });

  it('does not send people back to the login or logout page', () => {
    expect(safeRedirectPath('/login?redirectTo=/x')).toBe('/');
    expect(safeRedirectPath('/logout', '/catalogue')).toBe('/catalogue');
  });

  it('builds the login link back to the current page', () => {
    expect(loginHref({ pathname: '/products/a', search: '?b=1' })).toBe('/login?redirectTo=%2Fproducts%2Fa%3Fb%3D1');
    expect(loginHref({ pathname: '/', search: '' })).toBe('/login');
    expect(loginHref({ pathname: '/login', search: '' })).toBe('/login');
  });
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const pages = [
  { name: 'home', path: '/' },
  { name: 'catalogue', path: '/catalogue' },
  { name: 'product', path: '/products/kraft-shipping-box-s' },
  { name: 'login', path: '/login' },
  { name: 'registration', path: '/register' },
  { name: 'forgot password', path: '/forgot-password' },
  { name: 'reset password', path: '/reset-password?code=' + 'a'.repeat(64) },
];

for (const { name, path } of pages) {
  test(`the ${name} page has no serious or critical accessibility violations`, async ({ page }, testInfo) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (results.violations.length > 0) {
      await testInfo.attach('axe-violations.json', { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
    }
    expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    if (name === 'catalogue' || name === 'registration') await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  });
}

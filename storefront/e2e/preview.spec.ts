import { expect, test, type APIRequestContext } from '@playwright/test';

/** The panel's Preview button opens the storefront in draft mode; visitors keep the published page. */
const HOME = 'api::home-page.home-page';

async function panel(request: APIRequestContext) {
  const cms = process.env.CMS_URL!;
  const login = await request.post(`${cms}/admin/login`, { data: { email: 'marketer@ventalis.example', password: 'Ventalis-Admin-2026!' } });
  expect(login.ok()).toBe(true);
  const headers = { authorization: `Bearer ${((await login.json()) as { data: { token: string } }).data.token}` };
  return { cms, headers };
}

test('a marketer previews a draft of the home page; visitors still see the published one', async ({ page, browser, request }) => {
  const { cms, headers } = await panel(request);
  const current = (await (await request.get(`${cms}/content-manager/single-types/${HOME}`, { headers })).json()) as { data: { documentId: string; title: string } };
  const published = current.data.title;
  const draftTitle = `Spring collection ${Date.now()}`;
  const saved = await request.put(`${cms}/content-manager/single-types/${HOME}`, { headers, data: { title: draftTitle } });
  expect(saved.ok(), await saved.text()).toBe(true);

  // What the Preview button opens.
  const link = await request.get(`${cms}/content-manager/preview/url/${HOME}?documentId=${current.data.documentId}&status=draft`, { headers });
  const { url } = ((await link.json()) as { data: { url: string } }).data;
  expect(new URL(url).origin).toBe(new URL(process.env.STOREFRONT_URL!).origin);

  // The draft edited is the French one (the default locale): the preview opens it under /fr,
  // whatever the browser's language.
  const landed = page.waitForResponse((response) => new URL(response.url()).pathname === '/fr' && response.status() === 200 && response.request().resourceType() === 'document');
  await page.goto(url);
  const response = await landed;
  await expect(page).toHaveTitle(draftTitle);
  await expect(page.getByRole('status').filter({ hasText: 'Aperçu' })).toBeVisible();
  // The panel frames the preview: its origin may, nobody else.
  expect(response.headers()['content-security-policy']).toContain(`frame-ancestors ${new URL(cms).origin}`);
  expect(response.headers()['x-frame-options']).toBeUndefined();
  expect(response.headers()['cache-control']).toBe('private, no-store');

  const visitor = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await visitor.goto('/');
  await expect(visitor).toHaveURL(/\/fr$/);
  await expect(visitor).toHaveTitle(published);
  await expect(visitor.getByText('Aperçu : vous voyez des brouillons')).toHaveCount(0);

  await page.getByRole('link', { name: 'Quitter l’aperçu' }).click();
  await expect(page).toHaveTitle(published);
  await expect(page.getByText('Aperçu : vous voyez des brouillons')).toHaveCount(0);
});

test('a preview link with a wrong secret is refused and sets nothing', async ({ page, context }) => {
  const response = await page.goto('/api/preview?secret=guess&path=%2F&status=draft');
  expect(response?.status()).toBe(401);
  expect((await context.cookies()).find((cookie) => cookie.name === 'ventalis_preview')).toBeUndefined();
  // A forged cookie is not draft mode either.
  await context.addCookies([{ name: 'ventalis_preview', value: '1', url: process.env.STOREFRONT_URL! }]);
  await page.goto('/');
  await expect(page.getByText('Preview: you are seeing drafts')).toHaveCount(0);
});

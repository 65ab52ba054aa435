import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ PREVIEW_SECRET: 'preview-secret-for-tests', STOREFRONT_URL: 'http://shop.test:3000' });
});
afterAll(async () => {
  await app?.stop();
});

const HOME = 'api::home-page.home-page';
const blocks = (title: string) => [
  { __component: 'blocks.hero', title, subtitle: 'Sustainable supplies for professionals', ctaLabel: 'Browse', ctaUrl: '/catalogue' },
  { __component: 'blocks.key-figures', title: 'In figures', figures: [{ value: '92 %', label: 'recycled content on average' }] },
  { __component: 'blocks.call-to-action', title: 'Open an account', buttonLabel: 'Register', buttonUrl: '/register' },
];

describe('content pages', () => {
  test('an unpublished page is a 404 for visitors', async () => {
    await app.strapi.documents(HOME).create({ data: { title: 'Draft home', blocks: blocks('Draft hero') } as never });
    const res = await app.api().get('/api/pages/home');
    expect(res.status).toBe(404);
  });

  test('visitors see the published version with its blocks; a preview with the secret sees the draft', async () => {
    const page = await app.strapi.documents(HOME).findFirst({});
    await app.strapi.documents(HOME).publish({ documentId: page!.documentId });
    await app.strapi.documents(HOME).update({ documentId: page!.documentId, data: { title: 'Next home', blocks: blocks('Next hero') } as never });

    const published = await app.api().get('/api/pages/home');
    expect(published.status).toBe(200);
    expect(published.body.data.title).toBe('Draft home');
    expect(published.body.data.blocks).toEqual([
      { __component: 'blocks.hero', title: 'Draft hero', subtitle: 'Sustainable supplies for professionals', ctaLabel: 'Browse', ctaUrl: '/catalogue', image: null },
      { __component: 'blocks.key-figures', title: 'In figures', figures: [{ value: '92 %', label: 'recycled content on average' }] },
      { __component: 'blocks.call-to-action', title: 'Open an account', text: null, buttonLabel: 'Register', buttonUrl: '/register' },
    ]);

    const preview = await app.api().get('/api/pages/home').set('x-preview-secret', 'preview-secret-for-tests');
    expect(preview.body.data.title).toBe('Next home');
    expect(preview.body.data.blocks[0].title).toBe('Next hero');
  });

  test('a wrong preview secret is refused', async () => {
    const res = await app.api().get('/api/pages/home').set('x-preview-secret', 'guess');
    expect(res.status).toBe(403);
  });

  test("the panel's Preview button opens the page in the storefront's draft mode, for a marketer", async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'ventalis-marketer' } });
    await app.strapi.service('admin::user').create({ email: 'marketer@panel.test', firstname: 'Mona', lastname: 'Marketer', password: 'Panel-Password-2026!', isActive: true, roles: [role.id] });
    const token = (await app.api().post('/admin/login').send({ email: 'marketer@panel.test', password: 'Panel-Password-2026!' })).body.data.token;
    const home = await app.strapi.documents(HOME).findFirst({});
    const previewUrl = (status: string) =>
      app.api().get(`/content-manager/preview/url/${HOME}?documentId=${home!.documentId}&status=${status}`).set({ Authorization: `Bearer ${token}` });

    const draft = await previewUrl('draft');
    expect(draft.status).toBe(200);
    const url = new URL(draft.body.data.url);
    expect(`${url.origin}${url.pathname}`).toBe('http://shop.test:3000/api/preview');
    expect(Object.fromEntries(url.searchParams)).toEqual({ secret: 'preview-secret-for-tests', path: '/fr', status: 'draft' });
    expect(new URL((await previewUrl('published')).body.data.url).searchParams.get('status')).toBe('published');

    // Without a panel session, no URL (and so no secret).
    expect((await app.api().get(`/content-manager/preview/url/${HOME}?documentId=${home!.documentId}&status=draft`)).status).toBe(401);
  });
});

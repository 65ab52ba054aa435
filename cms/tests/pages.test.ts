import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ PREVIEW_SECRET: 'preview-secret-for-tests' });
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
});

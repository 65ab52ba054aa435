import { createHash } from 'node:crypto';
import { expect, request as httpRequest, test, type APIRequestContext } from '@playwright/test';
import { confirmEmail, DEMO_PASSWORD, logIn, register, uniqueSiret } from './support/accounts.ts';

/**
 * What the outside review found by probing the storefront as an attacker and using it as a
 * new buyer: open redirects after signing in, forms cut off on their way, the confirmation
 * loop, and copy and layout a person notices. Accounts no other journey uses.
 */
const antoine = { email: 'antoine.delorme@fromagerie-delorme.example', password: DEMO_PASSWORD, name: 'Antoine Delorme' };
const hugo = { email: 'hugo.bernard@cafe-solstice.example', password: DEMO_PASSWORD };
const ines = { email: 'ines.benali@ventalis.example', password: DEMO_PASSWORD };
const origin = () => new URL(process.env.STOREFRONT_URL!).origin;
const nbsp = '\u00a0';

/** A request context of its own (its own cookies), signed in as this person when one is given. */
async function client(who?: { email: string; password: string }): Promise<APIRequestContext> {
  const context = await httpRequest.newContext({ baseURL: origin() });
  if (who) {
    const login = await context.post('/login', { form: { identifier: who.email, password: who.password }, headers: { origin: origin(), accept: 'text/html' }, maxRedirects: 0 });
    expect(login.status()).toBe(303);
  }
  return context;
}

test.describe('signing in never leads off the site', () => {
  const payloads = [
    '/..//evil.example',
    '/../..//evil.example',
    '/%2e%2e//evil.example',
    '/.//evil.example',
    '//evil.example',
    '/\\evil.example',
    '/%2F%2Fevil.example',
    '/%5C%5Cevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'https:evil.example',
    'https://evil.example',
    'javascript:alert(1)',
  ];

  test('the login form answers each open-redirect payload with a redirect to a path of this site', async () => {
    const http = await client();
    for (const payload of payloads) {
      const response = await http.post(`/login?redirectTo=${encodeURIComponent(payload)}`, {
        form: { identifier: antoine.email, password: antoine.password },
        headers: { origin: origin(), accept: 'text/html' },
        maxRedirects: 0,
      });
      expect(response.status(), payload).toBe(303);
      const location = response.headers().location;
      expect(location, payload).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, origin()).origin, payload).toBe(origin());
      // Signed in: the session cookie was set along with the redirect.
      expect(response.headers()['set-cookie'], payload).toBeTruthy();
    }
    await http.dispose();
  });

  test('leaving the preview never leads off the site either', async () => {
    const http = await client();
    for (const payload of payloads) {
      const response = await http.get(`/api/preview/exit?path=${encodeURIComponent(payload)}`, { maxRedirects: 0 });
      expect(response.status(), payload).toBe(303);
      expect(new URL(response.headers().location, origin()).origin, payload).toBe(origin());
      expect(response.headers().location, payload).toMatch(/^\/(?![/\\])/);
    }
    await http.dispose();
  });

  test('a person signing in from a crafted link lands on this site, signed in', async ({ page }) => {
    await page.goto(`/login?redirectTo=${encodeURIComponent('/..//evil.example')}`);
    await page.getByLabel('Email').fill(antoine.email);
    await page.getByLabel('Password').fill(antoine.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByTestId('user-name')).toHaveText(antoine.name);
    expect(new URL(page.url()).origin).toBe(origin());
    // The home page, in the language of the browser.
    expect(new URL(page.url()).pathname).toBe('/en');
  });
});

test.describe('a form cut off on its way', () => {
  const boundary = '----ventalis-e2e';
  /** A multipart body as a browser starts sending it, cut before its closing boundary. */
  function truncatedMultipart(fields: Record<string, string>): Buffer {
    const whole = Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('');
    return Buffer.from(whole.slice(0, Math.max(40, whole.length - 12)));
  }
  const reference = 'VT-260101-AAAAAA';
  // Every action that reads a form, who may post it, and what it would carry.
  const actions: { path: string; as?: 'customer' | 'consultant'; fields: Record<string, string> }[] = [
    { path: '/login', fields: { identifier: antoine.email, password: antoine.password } },
    { path: '/register', fields: { companyName: 'Cut Off SARL', siret: '73282000000001', email: 'cut@off.example', password: 'Cut-Off-2026!x' } },
    { path: '/forgot-password', fields: { email: 'cut@off.example' } },
    { path: '/reset-password', fields: { code: 'a'.repeat(64), password: 'Cut-Off-2026!x', passwordConfirmation: 'Cut-Off-2026!x' } },
    { path: '/account/confirmation', fields: { email: 'cut@off.example' } },
    { path: '/contact', fields: { companyName: 'Cut Off', firstName: 'Ana', lastName: 'Cut', email: 'cut@off.example', subject: 'Hello', message: 'A message cut off.' } },
    { path: '/products/kraft-shipping-box-s?/add', as: 'customer', fields: { quantity: '1000' } },
    { path: '/cart?/quantity', as: 'customer', fields: { product: 'no-such-product', quantity: '1000' } },
    { path: '/cart?/remove', as: 'customer', fields: { product: 'no-such-product' } },
    { path: '/cart?/checkout', as: 'customer', fields: { idempotencyKey: '7d0e6f3e-4c4b-4f7e-9d55-0a3c1a7f2b11' } },
    { path: `/orders/${reference}/pay?/card`, as: 'customer', fields: { cardNumber: '4242424242424242', expiry: '12/30', cvc: '123' } },
    { path: '/messages?/send', as: 'customer', fields: { conversation: '1', body: 'Hello' } },
    { path: `/consultant/orders/${reference}?/status`, as: 'consultant', fields: { status: 'in_progress', comment: 'Cut off' } },
    { path: `/consultant/orders/${reference}?/note`, as: 'consultant', fields: { body: 'Cut off' } },
  ];

  test('every form action answers 400 with a message, and nothing changes', async () => {
    const http = { visitor: await client(), customer: await client(antoine), consultant: await client(ines) };
    const cartBefore = await (await http.customer.get('/cart')).text();
    for (const action of actions) {
      const context = http[action.as ?? 'visitor'];
      const headers = { origin: origin(), 'content-type': `multipart/form-data; boundary=${boundary}` };
      // A form posted by the browser (an error page), and by use:enhance (an action result).
      // Under /en, as an English page posts its forms.
      const path = `/en${action.path}`;
      const page = await context.post(path, { data: truncatedMultipart(action.fields), headers: { ...headers, accept: 'text/html' }, maxRedirects: 0 });
      expect(page.status(), action.path).toBe(400);
      expect(await page.text(), action.path).toContain('Your form arrived incomplete');
      const enhanced = await context.post(path, { data: truncatedMultipart(action.fields), headers: { ...headers, accept: 'application/json' }, maxRedirects: 0 });
      expect(enhanced.status(), action.path).toBe(400);
      expect(await enhanced.json(), action.path).toMatchObject({ type: 'error', error: { message: expect.stringContaining('Your form arrived incomplete') } });

      // Cut off in the middle of a field, an urlencoded form still parses: a 4xx, never a 5xx.
      const urlencoded = new URLSearchParams(action.fields).toString();
      const cut = await context.post(path, {
        data: urlencoded.slice(0, Math.ceil(urlencoded.length / 2)),
        headers: { origin: origin(), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        maxRedirects: 0,
      });
      expect(cut.status(), `${action.path} (urlencoded)`).toBeLessThan(500);
    }
    const cartAfter = await (await http.customer.get('/cart')).text();
    const lines = (html: string) => [...html.matchAll(/id="quantity-([a-z0-9-]+)"[^>]*value="(\d+)"/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(lines(cartAfter)).toEqual(lines(cartBefore));
    await Promise.all(Object.values(http).map((context) => context.dispose()));
  });
});

test('after confirming an email, signing in opens the dashboard', async ({ page }) => {
  const stamp = Date.now();
  const company = {
    companyName: 'Torréfaction du Canal',
    firstName: 'Maëlle',
    lastName: 'Roux',
    email: `confirm-${stamp}@torrefaction-canal.example`,
    password: 'Cafe-Du-Canal-2026!',
    siret: uniqueSiret(stamp + 13),
  };
  await register(page, company);
  await confirmEmail(page, company.email);
  await expect(page.getByText('You can now log in')).toBeVisible();

  // The header's Log in link, which comes back to the page it was clicked on.
  await page.getByRole('banner').getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Email').fill(company.email);
  await page.getByLabel('Password').fill(company.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: `Hello ${company.firstName}` })).toBeVisible();

  // And the page's own Log in button, from the confirmation page opened again later.
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
  await page.goto('/account/confirmed');
  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Email').fill(company.email);
  await page.getByLabel('Password').fill(company.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: `Hello ${company.firstName}` })).toBeVisible();
});

test.describe('copy and layout', () => {
  test('the home page does not ask visitors to register to see prices, which they see', async ({ page }) => {
    await page.goto('/');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: 'Open your business account' })).toBeVisible();
    await expect(main).not.toContainText(/to see (your |our )?prices/i);
    await expect(main).toContainText('Every price is on the catalogue');
    await page.goto('/fr/products/kraft-shipping-box-s');
    await expect(page.getByRole('main')).toContainText(`459,00${nbsp}€`);
  });

  test('the home page shows each picture once', async ({ page }) => {
    await page.goto('/');
    const sources = await page.getByRole('main').locator('img').evaluateAll((images) => images.map((image) => (image as HTMLImageElement).currentSrc || (image as HTMLImageElement).src));
    expect(sources.length).toBeGreaterThanOrEqual(2);
    const digests = await Promise.all(
      sources.map(async (source) => {
        const response = await page.request.get(source);
        expect(response.ok(), source).toBe(true);
        return createHash('sha256').update(await response.body()).digest('hex');
      }),
    );
    expect(new Set(digests).size).toBe(digests.length);
  });

  test('on a short page the footer reaches the bottom of the window', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 1400 });
    for (const path of ['/login', '/account/confirmed', '/forgot-password', '/no-such-page']) {
      await page.goto(path);
      const footer = await page.locator('footer.site-footer').boundingBox();
      const height = await page.evaluate(() => ({ window: window.innerHeight, document: document.documentElement.scrollHeight }));
      expect(footer, path).not.toBeNull();
      expect(Math.abs(footer!.y + footer!.height - height.window), path).toBeLessThanOrEqual(1);
      expect(height.document, path).toBeLessThanOrEqual(height.window);
    }
  });

  test('cart thumbnails show whole pictures and names are never clipped', async ({ page }) => {
    await logIn(page, hugo);
    await page.goto('/products/kraft-shipping-box-s');
    await page.getByLabel('Quantity (units)').fill('1000');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page).toHaveURL(/\/cart\?added=/);
    try {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        const line = page.getByRole('list', { name: 'Products in your cart' }).getByRole('listitem').filter({ hasText: 'Kraft Shipping Box S' });
        await expect(line).toBeVisible();
        const thumbnail = line.locator('img');
        await expect(thumbnail).toHaveJSProperty('complete', true);
        // How much of the picture the box shows, as object-fit draws it: all of it.
        const drawn = await thumbnail.evaluate((image: HTMLImageElement) => {
          const box = { width: image.clientWidth, height: image.clientHeight };
          const fit = getComputedStyle(image).objectFit;
          const cover = Math.max(box.width / image.naturalWidth, box.height / image.naturalHeight);
          const contain = Math.min(box.width / image.naturalWidth, box.height / image.naturalHeight);
          const scale = fit === 'cover' ? cover : fit === 'contain' || fit === 'scale-down' ? Math.min(contain, fit === 'scale-down' ? 1 : contain) : fit === 'none' ? 1 : NaN;
          if (fit === 'fill') return { widthShown: 1, heightShown: 1, distorted: Math.abs(box.width / box.height - image.naturalWidth / image.naturalHeight) > 0.02 };
          return { widthShown: Math.min(1, box.width / (image.naturalWidth * scale)), heightShown: Math.min(1, box.height / (image.naturalHeight * scale)), distorted: false };
        });
        expect(drawn, `thumbnail at ${width} px`).toEqual({ widthShown: 1, heightShown: 1, distorted: false });
        const name = line.getByRole('link', { name: 'Kraft Shipping Box S (200×150×100 mm)' });
        const clipped = await name.evaluate((element) => element.scrollWidth > element.clientWidth || element.getBoundingClientRect().right > element.closest('li')!.getBoundingClientRect().right);
        expect(clipped, `name at ${width} px`).toBe(false);
      }
    } finally {
      await page.getByRole('button', { name: 'Remove Kraft Shipping Box S (200×150×100 mm)' }).click();
      await expect(page.getByText('Your cart is empty.')).toBeVisible();
    }
  });

  test('quantity errors write 1,000 units, like the rest of the English site', async ({ page }) => {
    await logIn(page, hugo);
    await page.goto('/products/kraft-shipping-box-s');
    await expect(page.getByRole('main')).toContainText(`From 1,000${nbsp}units`);
    await page.getByLabel('Quantity (units)').fill('999');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    const error = page.locator('#field-quantity-error');
    await expect(error).toBeVisible();
    expect(await error.textContent()).toBe('The minimum order is 1,000 units.');
    await page.getByLabel('Quantity (units)').fill('1250');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(error).toContainText('steps of');
    expect(await error.textContent()).toBe('Order in steps of 500 units from 1,000 (for example 1,500).');
  });

  test('demo orders carry the day they were placed in their reference', async ({ page }) => {
    await logIn(page, antoine);
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: '2-digit', month: '2-digit', day: '2-digit' }).format(new Date()).replace(/-/g, '');
    let checked = 0;
    for (const path of ['/orders', '/orders?scope=completed']) {
      await page.goto(path);
      for (const row of await page.locator('.order-list > li').all()) {
        const reference = (await row.locator('a.reference').textContent())!.trim();
        const [, day, month, year] = /Placed on (\d{1,2}) (\w{3}) (\d{4})/.exec((await row.textContent())!)!;
        const placed = `${year.slice(2)}${String(months.indexOf(month) + 1).padStart(2, '0')}${day.padStart(2, '0')}`;
        expect(reference, `placed on ${day} ${month} ${year}`).toMatch(new RegExp(`^VT-${placed}-[A-Z2-9]{6}$`));
        expect(placed).not.toBe(today);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

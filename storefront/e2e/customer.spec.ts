import { expect, test, type BrowserContext } from '@playwright/test';
import { claire, logIn } from './support/accounts.ts';

const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === 'ventalis_session');
const tokensOf = (value: string) => JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [string, string];

// Logging in is what these journeys check, and the last two rotate or break the session they
// use: each signs in itself instead of starting from the shared stored session.
test.describe('a demo client', () => {
  test('logs in, sees their name in the header, and logs out', async ({ page, context }) => {
    await page.goto('/products/kraft-shipping-box-s');
    await page.getByRole('link', { name: 'Log in to order' }).click();
    await expect(page).toHaveURL(/\/en\/login\?redirectTo=%2Fen%2Fproducts%2Fkraft-shipping-box-s$/);

    await page.getByLabel('Email').fill(claire.email);
    await page.getByLabel('Password').fill(claire.password);
    await page.getByRole('button', { name: 'Log in' }).click();

    // Back where they were, signed in.
    await expect(page).toHaveURL(/\/products\/kraft-shipping-box-s$/);
    const header = page.getByRole('banner');
    await expect(header.getByTestId('user-name')).toHaveText(claire.name);
    await expect(page.getByRole('link', { name: 'Log in to order' })).toHaveCount(0);

    // The session cookie holds the tokens out of reach of scripts.
    const session = (await context.cookies()).find((c) => c.name === 'ventalis_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('ventalis_session');

    // Still signed in on the next page load.
    await page.goto('/catalogue');
    await expect(header.getByTestId('user-name')).toHaveText(claire.name);

    await header.getByRole('button', { name: 'Log out' }).click();
    // Home, in the language of the browser.
    await expect(page).toHaveURL(/\/en$/);
    await expect(header.getByRole('link', { name: 'Log in' })).toBeVisible();
    await expect(header.getByTestId('user-name')).toHaveCount(0);
    expect((await context.cookies()).find((c) => c.name === 'ventalis_session')).toBeUndefined();
  });

  test('logs in without JavaScript too', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/login?redirectTo=%2Fcatalogue');
    await page.getByLabel('Email').fill(claire.email);
    await page.getByLabel('Password').fill(claire.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/catalogue$/);
    await expect(page.getByTestId('user-name')).toHaveText(claire.name);
    await context.close();
  });

  test('sees an error next to the password for a wrong password, with the email kept', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(claire.email);
    await page.getByLabel('Password').fill('Not-the-password-2026!');
    await page.getByRole('button', { name: 'Log in' }).click();

    const password = page.getByLabel('Password');
    await expect(page.locator('#password-error')).toHaveText('Incorrect email address or password.');
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toHaveAttribute('aria-describedby', 'password-error');
    await expect(page.getByLabel('Email')).toHaveValue(claire.email);
    await expect(page.getByRole('banner').getByTestId('user-name')).toHaveCount(0);
  });

  test('is refused a redirect to another site after logging in', async ({ page }) => {
    await page.goto('/login?redirectTo=%2F%2Fevil.example%2F');
    await page.getByLabel('Email').fill(claire.email);
    await page.getByLabel('Password').fill(claire.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    // Home instead, in the language of the browser.
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/en$/);
  });

  test('stays signed in when the access token is rejected, through the refresh token', async ({ page, context }) => {
    await logIn(page, claire);
    const before = await sessionCookie(context);
    const [, refreshToken] = tokensOf(before!.value);
    // An access token the cms no longer accepts (as after it expires), with the refresh token kept.
    const stale = Buffer.from(JSON.stringify(['eyJhbGciOiJIUzI1NiJ9.eyJ1c2VySWQiOiIxIn0.invalid', refreshToken])).toString('base64url');
    await context.addCookies([{ ...before!, value: stale }]);

    await page.goto('/catalogue');
    await expect(page.getByTestId('user-name')).toHaveText(claire.name);
    const [jwt, rotated] = tokensOf((await sessionCookie(context))!.value);
    expect(jwt).not.toContain('invalid');
    expect(rotated).not.toBe(refreshToken);
  });

  test('is signed out when the session cannot be refreshed', async ({ page, context }) => {
    await logIn(page, claire);
    const before = await sessionCookie(context);
    await context.addCookies([{ ...before!, value: Buffer.from(JSON.stringify(['x.y.z', 'not-a-refresh-token'])).toString('base64url') }]);
    await page.goto('/catalogue');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
    expect(await sessionCookie(context)).toBeUndefined();
  });
});

test('a consultant logs in and sees their name', async ({ page }) => {
  await logIn(page, { email: 'camille.laurent@ventalis.example', password: 'Ventalis-Demo-2026!' });
  await expect(page.getByTestId('user-name')).toHaveText('Camille Laurent');
});


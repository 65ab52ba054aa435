import { describe, expect, it } from 'vitest';
import { stackServices, STACK_SECRETS } from './stack.ts';

const names = STACK_SECRETS.map((spec) => (typeof spec === 'string' ? spec : spec.name));
const secrets = Object.fromEntries(names.map((name) => [name, `generated-${name}`]));
const ports = { port: '1337', storefrontPort: '3000', chatPort: '4000' };
const byName = (services: ReturnType<typeof stackServices>) => Object.fromEntries(services.map((s) => [s.name, s.env]));

describe('the stack npm start runs', () => {
  it('listens on 127.0.0.1 only, unless a host is given', () => {
    for (const service of stackServices({ ...ports, secrets })) expect(service.env.HOST).toBe('127.0.0.1');
    for (const service of stackServices({ ...ports, secrets, host: '0.0.0.0' })) expect(service.env.HOST).toBe('0.0.0.0');
  });

  it('gives every service its secrets from the generated ones, never a built-in value', () => {
    const env = byName(stackServices({ ...ports, secrets }));
    for (const name of names) expect(env.cms![name]).toBe(`generated-${name}`);
    expect(env.storefront).toMatchObject({
      CMS_WEBHOOK_SECRET: 'generated-STOREFRONT_WEBHOOK_SECRET',
      PREVIEW_SECRET: 'generated-PREVIEW_SECRET',
      CLIENT_ADDRESS_SECRET: 'generated-CLIENT_ADDRESS_SECRET',
    });
    expect(env['chat-server']!.CHAT_SECRET).toBe('generated-CHAT_SECRET');
    // Each of the others gets only what it needs: no signing key of the cms' sessions.
    expect(env.storefront!.JWT_SECRET).toBeUndefined();
    expect(env['chat-server']!.ADMIN_JWT_SECRET).toBeUndefined();
    for (const service of stackServices({ ...ports, secrets })) {
      for (const value of Object.values(service.env)) expect(value).not.toMatch(/^local-/);
    }
  });

  it('no longer lets the cms believe forwarded addresses from whoever reaches its port', () => {
    for (const service of stackServices({ ...ports, secrets })) expect(service.env).not.toHaveProperty('BEHIND_PROXY');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { variables } from './env.ts';

const validate = (name: keyof typeof variables, value: string | undefined) =>
  (variables[name].schema as unknown as { '~standard': { validate(v: unknown): { value?: unknown; issues?: { message: string }[] } } })['~standard'].validate(value);

describe('the storefront settings', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('refuses to start in production without the secret that signs visitors’ addresses', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(validate('CLIENT_ADDRESS_SECRET', undefined).issues?.[0]?.message).toBe('CLIENT_ADDRESS_SECRET is required in production (see .env.example)');
    expect(validate('CLIENT_ADDRESS_SECRET', 's3cret').value).toBe('s3cret');
  });

  it('runs a fresh clone with the local default, shared with the cms', () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect(validate('CLIENT_ADDRESS_SECRET', '').value).toBe('local-client-address-secret');
  });
});

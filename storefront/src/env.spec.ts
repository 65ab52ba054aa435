import { describe, expect, it } from 'vitest';
import { missingInProduction } from './env.ts';

describe('the storefront settings', () => {
  it('a production server lacks the secret that signs visitors’ addresses when it is unset', () => {
    expect(missingInProduction({ NODE_ENV: 'production' })).toEqual(['CLIENT_ADDRESS_SECRET']);
    expect(missingInProduction({ NODE_ENV: 'production', CLIENT_ADDRESS_SECRET: '' })).toEqual(['CLIENT_ADDRESS_SECRET']);
    expect(missingInProduction({ NODE_ENV: 'production', CLIENT_ADDRESS_SECRET: 's3cret' })).toEqual([]);
  });

  it('a fresh clone runs with the local default, shared with the cms', () => {
    expect(missingInProduction({ NODE_ENV: 'development' })).toEqual([]);
    expect(missingInProduction({})).toEqual([]);
  });
});

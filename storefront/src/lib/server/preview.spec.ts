import { describe, expect, it } from 'vitest';
import { allowFramingBy, draftModeToken, isDraftMode, isPreviewSecret } from './preview.ts';

describe('draft mode', () => {
  it('is proven by a digest of the secret, not by the secret itself', () => {
    const token = draftModeToken('s3cret');
    expect(token).not.toContain('s3cret');
    expect(isDraftMode(token, 's3cret')).toBe(true);
  });

  it('refuses a forged, stale or empty cookie, and is off without a secret', () => {
    expect(isDraftMode('1', 's3cret')).toBe(false);
    expect(isDraftMode(draftModeToken('old-secret'), 's3cret')).toBe(false);
    expect(isDraftMode(undefined, 's3cret')).toBe(false);
    expect(isDraftMode(draftModeToken(''), '')).toBe(false);
  });

  it('checks the preview secret of the panel link', () => {
    expect(isPreviewSecret('s3cret', 's3cret')).toBe(true);
    expect(isPreviewSecret('guess', 's3cret')).toBe(false);
    expect(isPreviewSecret(null, 's3cret')).toBe(false);
    expect(isPreviewSecret('', '')).toBe(false);
  });

  it("lets the panel's origin frame the page, and only it", () => {
    const csp = "default-src 'self'; frame-ancestors 'none'; base-uri 'self'";
    expect(allowFramingBy(csp, 'http://cms.test:1337')).toBe("default-src 'self'; frame-ancestors http://cms.test:1337; base-uri 'self'");
  });
});

import { describe, expect, it } from 'vitest';
import { redactLogText } from './log-redaction.ts';

describe('redactLogText', () => {
  it('hides secrets in addresses, bearer tokens, JWTs and email addresses', () => {
    expect(redactLogText('GET /api/auth/email-confirmation?confirmation=abc123&x=1 (3 ms) 302')).toBe('GET /api/auth/email-confirmation?confirmation=[redacted]&x=1 (3 ms) 302');
    expect(redactLogText('POST /reset-password?code=9f8e7d resetToken=zzz')).toBe('POST /reset-password?code=[redacted] resetToken=[redacted]');
    expect(redactLogText('Authorization: Bearer sk_live_51Habc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redactLogText('session eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.c2lnbmF0dXJl expired')).toBe('session [jwt] expired');
    expect(redactLogText('Mail to claire.dubois+shop@maison-lavande.example failed')).toBe('Mail to [email] failed');
  });

  it('leaves ordinary text alone', () => {
    expect(redactLogText('GET /api/products/kraft-shipping-box?locale=en (12 ms) 200')).toBe('GET /api/products/kraft-shipping-box?locale=en (12 ms) 200');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHAT_ERROR_CODES, chatErrorCode } from '@ventalis/contracts';
import { describe, expect, it } from 'vitest';
import { wordError } from '#lib/errors.ts';
import { inLocale } from '#lib/testing/locale.ts';
import { sendFailure } from './chat-errors.ts';

describe("a chat socket's refusal on the messages page", () => {
  it('is worded from its code, in the language of the page', () => {
    expect(inLocale('fr', () => sendFailure({ code: 'rate_limited' }))).toBe('Vous envoyez des messages trop vite\u00a0: patientez quelques secondes.');
    expect(inLocale('en', () => sendFailure({ code: 'rate_limited' }))).toBe('You are sending messages too quickly: wait a few seconds.');
    expect(inLocale('en', () => sendFailure({ code: 'session_ended' }))).toBe('Your session has ended: log in again to continue.');
  });

  it('says the same as the catalogue says for the code of ERROR_CODES, for every code a socket may send', () => {
    for (const locale of ['fr', 'en'] as const)
      for (const code of CHAT_ERROR_CODES) {
        expect(inLocale(locale, () => sendFailure({ code })), code).toBe(wordError({ code: chatErrorCode(code) }, 'no message', locale));
      }
  });

  it('asks to try again when the ack never came, or with a code it does not know', () => {
    expect(inLocale('fr', () => sendFailure(null))).toBe('Le message n’a pas pu être envoyé\u00a0: réessayez.');
    expect(inLocale('en', () => sendFailure({ code: 'toString' }))).toBe('The message could not be sent: try again.');
    expect(inLocale('en', () => sendFailure({ code: 42 }))).toBe('The message could not be sent: try again.');
  });
});

describe("the messages page's browser code", () => {
  // Message functions are tree-shaken one by one: the page ships only those it names. A lookup
  // by key (m[key], #lib/errors.ts) would ship the whole catalogue to every browser.
  it.each(['+page.svelte', 'chat-errors.ts'])('%s names each message it uses', (file) => {
    const source = readFileSync(path.join(import.meta.dirname, file), 'utf8');
    expect(source).not.toMatch(/from\s+['"][^'"]*(lib\/errors|messages\/_index)|\bm\s*\[/);
  });
});

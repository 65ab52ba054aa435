import { describe, expect, test } from 'vitest';
import { conversationTitle } from './conversation-title.ts';
import type { ChatMember } from './chat.ts';

const anna: ChatMember = { kind: 'user', id: 7, name: 'Anna Alves', role: 'customer', company: 'Alpha Packaging' };
const bruno: ChatMember = { kind: 'user', id: 8, name: 'Bruno Petit', role: 'customer', company: 'Alpha Packaging' };
const claire: ChatMember = { kind: 'user', id: 9, name: 'Claire Fabre', role: 'consultant', company: null };

describe('conversationTitle', () => {
  test("a company's conversation is named by the company, then its people without repeating it", () => {
    expect(conversationTitle({ company: 'Alpha Packaging', with: [anna, bruno, claire] }, 'Ventalis')).toBe('Alpha Packaging · Anna Alves, Bruno Petit, Claire Fabre');
    expect(conversationTitle({ company: 'Alpha Packaging', with: [] }, 'Ventalis')).toBe('Alpha Packaging');
  });

  test('another conversation names its people, with their company, or the fallback when nobody else is in it', () => {
    expect(conversationTitle({ company: null, with: [anna, claire] }, 'Ventalis')).toBe('Anna Alves (Alpha Packaging), Claire Fabre');
    expect(conversationTitle({ company: null, with: [] }, 'Ventalis')).toBe('Ventalis');
  });
});

import { describe, expect, it } from 'vitest';
import { headingLevel, mediaSrc, plainText, safeHref } from './content.ts';

describe('safeHref', () => {
  it('keeps site paths, anchors and web, mail and phone links', () => {
    for (const url of ['/catalogue', '#top', 'https://ec.europa.eu/ecolabel', 'http://example.org', 'mailto:contact@ventalis.example', 'tel:+33123456789']) {
      expect(safeHref(url)).toBe(url);
    }
  });

  it('drops script, data and protocol-relative links', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<script>', '//evil.example', '/\\evil.example', 'vbscript:x', '', null]) {
      expect(safeHref(url)).toBeNull();
    }
  });
});

describe('rich-text helpers', () => {
  it('keeps headings between the section level and h6', () => {
    expect(headingLevel(1)).toBe(2);
    expect(headingLevel(3)).toBe(3);
    expect(headingLevel(9)).toBe(6);
    expect(headingLevel('x', 3)).toBe(3);
  });

  it('extracts plain text from nested nodes', () => {
    const nodes = [{ type: 'paragraph', children: [{ type: 'text', text: 'Made ' }, { type: 'link', url: '/x', children: [{ type: 'text', text: 'in France' }] }] }];
    expect(plainText(nodes)).toBe('Made in France');
  });

  it('serves cms uploads from the storefront and refuses other schemes', () => {
    expect(mediaSrc('/uploads/box_123.png')).toBe('/uploads/box_123.png');
    expect(mediaSrc('https://cdn.example/box.png')).toBe('https://cdn.example/box.png');
    expect(mediaSrc('javascript:alert(1)')).toBeNull();
    expect(mediaSrc('/admin/secret')).toBeNull();
    expect(mediaSrc(null)).toBeNull();
  });
});

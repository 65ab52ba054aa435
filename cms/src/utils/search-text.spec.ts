import { describe, expect, test } from 'vitest';
import { foldForSearch, productSearchText, searchWords } from './search-text';

describe('search text', () => {
  test.each([
    ['Éco-conçu', 'eco concu'],
    ['ÉCOLOGIQUE', 'ecologique'],
    ['Cœur de bœuf', 'coeur de boeuf'],
    ["Caisse d’expédition", 'caisse d expedition'],
    ['100 % recyclé, 80 g/m²', '100 recycle 80 g m2'],
    ['  Straße  ', 'strasse'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  test('a query is its folded words, each once', () => {
    expect(searchWords('Gobelet  ÉCO-conçu gobelet')).toEqual(['gobelet', 'eco', 'concu']);
    expect(searchWords(' %_ ')).toEqual([]);
  });

  test("a product's text is its name and every text of its description, stored or parsed", () => {
    const description = [
      { type: 'paragraph', children: [{ type: 'text', text: 'Fibre de ' }, { type: 'link', url: 'https://x.test', children: [{ type: 'text', text: 'canne à sucre' }] }] },
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'Sans PFAS' }] }] },
    ];
    const expected = 'couvercle fibre de canne a sucre sans pfas';
    expect(productSearchText({ name: 'Couvercle', description })).toBe(expected);
    expect(productSearchText({ name: 'Couvercle', description: JSON.stringify(description) })).toBe(expected);
    expect(productSearchText({ name: 'Couvercle', description: null })).toBe('couvercle');
  });
});

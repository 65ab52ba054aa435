import { readFileSync } from 'node:fs';

// Read on the first request, then served from memory: no cms behind this page.
let products;

export const load = () => {
  products ??= JSON.parse(readFileSync(process.env.BARE_PRODUCTS, 'utf8'));
  return { products };
};

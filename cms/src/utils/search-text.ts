/**
 * The text a product is searched by, in one language: its name and the words of its
 * description, folded so that accents, case and ligatures do not matter ("éco" = "ECO",
 * "cœur" = "coeur"). Stored on each locale's row when it is written and compared with
 * a plain LIKE, so SQLite and PostgreSQL find the same products.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a query, folded: a product is found when its text holds every one of them. */
export function searchWords(query: string): string[] {
  return Array.from(new Set(foldForSearch(query).split(' ').filter((word) => word.length > 0))).slice(0, 10);
}

/** Every text leaf of a rich-text ("blocks") value, in reading order. */
function blocksText(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => blocksText(item, out));
  else if (value && typeof value === 'object') {
    const node = value as { text?: unknown; children?: unknown };
    if (typeof node.text === 'string') out.push(node.text);
    if (node.children) blocksText(node.children, out);
  }
  return out;
}

export function productSearchText(row: { name?: unknown; description?: unknown }): string {
  const description = typeof row.description === 'string' ? safeJson(row.description) : row.description;
  return foldForSearch([typeof row.name === 'string' ? row.name : '', ...blocksText(description)].join(' '));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

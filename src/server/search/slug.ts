/**
 * Vietnamese-aware slugs. NFD splits most marks off their letters, but đ/Đ is
 * a letter of its own (not d plus a mark), so it needs an explicit mapping.
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

export function slugify(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Longest slug base, in bytes (slugs are ASCII). A free slug is found by
 * reading the slugs that start with the base (`slug LIKE 'base%'`), and D1
 * refuses LIKE patterns over 50 bytes; a link this long still reads well.
 */
export const SLUG_BASE_MAX_BYTES = 48;

/** The text's slug, cut after the last whole word that fits; `fallback` when the text has no letters or digits. */
export function slugBase(text: string, fallback: string): string {
  const slug = slugify(text);
  if (slug.length <= SLUG_BASE_MAX_BYTES) return slug || fallback;
  const boundary = slug.lastIndexOf('-', SLUG_BASE_MAX_BYTES);
  // One word longer than the limit is cut inside the word.
  return boundary > 0 ? slug.slice(0, boundary) : slug.slice(0, SLUG_BASE_MAX_BYTES);
}

/** `base`, or the first of base-2, base-3… that is not taken. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(slug)) return slug;
  }
}

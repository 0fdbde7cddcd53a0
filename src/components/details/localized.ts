import type { Locale } from '../../i18n';

export interface LocalizedText {
  text: string;
  /** Set when the text is not in the page's language, for a lang attribute (WCAG 3.1.2). */
  lang: Locale | undefined;
}

/** The English text on English pages when there is one, else the Vietnamese. */
export function inLocale(locale: Locale, vi: string | null, en: string | null): LocalizedText {
  if (locale === 'en' && en) return { text: en, lang: undefined };
  return { text: vi ?? '', lang: locale === 'vi' ? undefined : 'vi' };
}

/** Paragraphs of a stored description (blank lines separate them). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The start of a text for a meta description, cut at a word. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

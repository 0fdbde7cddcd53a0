/** Small, honest HTML checks for end-to-end tests (no DOM in Node). */

/** Visible text: tags removed, the entities our pages emit decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

/**
 * Script elements a browser would run. JSON-LD data blocks and styles are
 * removed first; then quoted attribute values are masked, because `<` inside
 * one is inert text (`value="<script>"` cannot start an element). Text nodes
 * never hold a raw `"` (Astro escapes it), so quotes only delimit attributes.
 */
export function executableScripts(html: string): string[] {
  return markupOnly(html).match(/<script\b[^>]*>/gi) ?? [];
}

/** The markup a browser parses as elements: data blocks, styles and quoted attribute values masked. */
export function markupOnly(html: string): string {
  return html
    .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, '')
    .replace(/<style\b[\s\S]*?<\/style>/g, '')
    .replace(/"[^"]*"/g, '""');
}

/** The href of every <a> whose tag matches `selector` (e.g. /class="card__title"/ does not work: use the link's own attributes). */
export function hrefsOf(html: string, selector: RegExp): string[] {
  return [...html.matchAll(/<a\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((tag) => selector.test(tag))
    .map((tag) => /href="([^"]*)"/.exec(tag)?.[1] ?? '')
    .map((href) => href.replace(/&amp;/g, '&'));
}

/**
 * The error summary of a page sent back with mistakes (src/components/forms/ErrorSummary.astro): each listed
 * message's link target (without '#') and text, and whether each target is an element of the page.
 */
export function errorSummaryLinks(html: string): { target: string; text: string; exists: boolean }[] {
  const summary = /<div class="alert error-summary"[^>]*role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  const ids = new Set([...markupOnlyIds(html)]);
  return [...summary.matchAll(/<a href="#([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((match) => ({
    target: match[1]!,
    text: textOf(match[2]!).trim(),
    exists: ids.has(match[1]!),
  }));
}

function markupOnlyIds(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
}

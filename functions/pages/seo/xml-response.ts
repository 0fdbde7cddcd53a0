/**
 * Sitemaps change as products are published, but crawlers fetch them rarely
 * and the index costs a pass over the id index: an hour of caching is plenty.
 */
export function xmlResponse(xml: string): Response {
  return new Response(xml, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
}

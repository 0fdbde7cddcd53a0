/**
 * The client's address for rate limits: Cloudflare's CF-Connecting-IP, which
 * its edge sets and clients cannot forge there. Local runs (wrangler dev)
 * have it too; a request without it shares one bucket.
 */
export function clientAddress(request: Request): string {
  return request.headers.get('cf-connecting-ip')?.trim() || 'unknown';
}

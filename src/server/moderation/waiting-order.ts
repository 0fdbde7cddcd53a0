/**
 * The order the officers' queues (moderation and verification) list what
 * waits in: the longest waiting first by default, so nothing old is
 * forgotten, or the newest first to see what just arrived. Kept in the
 * address as `?sort=oldest|newest` (the same words in both languages, as the
 * product list's `sort`), so a link or a bookmark keeps it; anything else
 * there is the default, never an error: it is a view, not an input.
 */
export const WAITING_ORDERS = ['oldest', 'newest'] as const;
export type WaitingOrder = (typeof WAITING_ORDERS)[number];

export const WAITING_ORDER_PARAM = 'sort';

export function readWaitingOrder(params: URLSearchParams): WaitingOrder {
  const asked = params.get(WAITING_ORDER_PARAM);
  return asked === 'newest' ? 'newest' : 'oldest';
}

/** Compares two arrival times in the order asked for (for Array.prototype.sort). */
export const byWaiting =
  (order: WaitingOrder) =>
  (a: Date, b: Date): number =>
    order === 'oldest' ? a.getTime() - b.getTime() : b.getTime() - a.getTime();

/** The query string for `path` in `order` (the default order needs none), with `extra` parameters kept. */
export function withWaitingOrder(path: string, order: WaitingOrder, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (order !== 'oldest') params.set(WAITING_ORDER_PARAM, order);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

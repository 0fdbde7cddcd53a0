/**
 * Load from autocannon (in this process; the worker runs in workerd, another
 * process), bounded in time. Percentiles are computed exactly from every
 * response time, since autocannon's summary has no p95.
 */
import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

/**
 * `unique`: every request gets its own URL (a `_` parameter with a fresh id,
 * which no page reads), so none is answered from the worker's memory of
 * public pages: the cost of rendering, as for the long tail of searches.
 */
export async function loadTest(
  url: string,
  options: { connections: number; seconds: number; unique?: boolean },
): Promise<LoadResult> {
  const times: number[] = [];
  const target = options.unique ? `${url}${url.includes('?') ? '&' : '?'}_=[<id>]` : url;
  const result = await new Promise<autocannon.Result>((resolvePromise, reject) => {
    const instance = autocannon(
      {
        url: target,
        connections: options.connections,
        duration: options.seconds,
        idReplacement: options.unique === true,
      },
      (error, done) => (error ? reject(error) : resolvePromise(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / result.duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

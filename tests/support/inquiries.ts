/** Helpers for inquiry tests: a valid body, and an execution context whose waitUntil work can be awaited. */
import { inquiryExample } from '../../functions/api/inquiries/submit';
import { vietnamDate } from '../../src/server/time/vietnam';

export function validInquiry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const inAMonth = vietnamDate(new Date(Date.now() + 30 * 24 * 60 * 60 * 1000));
  // The documented example without its product: each test names the product or cooperative it writes to.
  const { product: _product, ...example } = inquiryExample;
  return { ...example, wantedBy: inAMonth, ...overrides };
}

/** An ExecutionContext for app.request(): collects waitUntil promises so a test can wait for the work after the response. */
export function backgroundWork() {
  const pending: Promise<unknown>[] = [];
  const context = {
    waitUntil(promise: Promise<unknown>) {
      pending.push(promise);
    },
    passThroughOnException() {},
    props: {},
  } as unknown as ExecutionContext;
  return {
    context,
    async settle() {
      while (pending.length > 0) await pending.shift();
    },
  };
}

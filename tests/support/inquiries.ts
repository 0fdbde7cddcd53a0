/** Helpers for inquiry tests: a valid body, and an execution context whose waitUntil work can be awaited. */
import { vietnamDate } from '../../src/server/time/vietnam';

export function validInquiry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const inAMonth = vietnamDate(new Date(Date.now() + 30 * 24 * 60 * 60 * 1000));
  return {
    name: 'Nguyễn Thị Lan',
    organisation: 'Công ty TNHH Thực phẩm Sạch Lan Anh',
    email: 'lan@example.com',
    phone: '0912 345 678',
    country: 'VN',
    quantity: 500,
    unit: 'kg',
    wantedBy: inAMonth,
    message: 'Xin báo giá sỉ 500 kg, giao tại TP. Hồ Chí Minh trước Tết.',
    locale: 'vi',
    consent: true,
    ...overrides,
  };
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

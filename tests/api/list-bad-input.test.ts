import { beforeAll, describe, expect, it } from 'vitest';
import { apiOn, call } from '../support/api';
import { BAD_COOPERATIVE_INPUT, BAD_LIST_INPUT, BAD_PRODUCT_INPUT } from '../support/bad-list-input';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';

let api: ReturnType<typeof apiOn>;

beforeAll(async () => {
  api = apiOn(await demoDatabase());
});

describe.each([
  ['/products', [...BAD_LIST_INPUT, ...BAD_PRODUCT_INPUT]],
  ['/cooperatives', [...BAD_LIST_INPUT, ...BAD_COOPERATIVE_INPUT]],
] as const)('GET %s with bad input', (path, rows) => {
  it.each(rows)('%s: a list, or a 400 naming the refused parameters', async (_what, query, refused) => {
    const res = await call(api, `${path}?${query}`);
    const body = await readJson(res);
    if (refused.length === 0) {
      expect(res.status, query).toBe(200);
      expect(Array.isArray(body.items)).toBe(true);
    } else {
      expect(res.status, query).toBe(400);
      expect(Object.keys(body.error.fields).sort(), query).toEqual([...refused].sort());
      expect(body.error.message).toEqual(expect.any(String));
    }
  });
});

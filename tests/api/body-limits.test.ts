/**
 * Every state-changing API request has a body limit, checked before any route
 * or database work: past it, 413 `payload_too_large` in the error shape,
 * whether the client said the length or not, and nothing is done.
 */
import { describe, expect, it } from 'vitest';
import { API_BODY_LIMIT_BYTES } from '../../functions/body-limit';
import { seedReferenceData } from '../../src/server/db/seeding';
import { rateLimits } from '../../src/server/db/schema';
import { apiOn, call } from '../support/api';
import { readJson } from '../support/http';
import { migratedMemoryDatabase } from '../support/libsql';

const ORIGIN = 'http://localhost';

/** A body of `bytes` bytes sent as a stream, so no Content-Length tells the size beforehand. */
function streamed(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 16 * 1024) controller.enqueue(bytes.slice(at, at + 16 * 1024));
      controller.close();
    },
  });
}

describe('API body limits', async () => {
  const { db } = await migratedMemoryDatabase();
  await seedReferenceData(db);
  const api = apiOn(db);
  const headers = { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': '203.0.113.90' };

  it('refuses a 20 MB sign-in (413 in the error shape) without counting an attempt', async () => {
    const before = await db.$count(rateLimits);
    const body = JSON.stringify({ email: `${'a'.repeat(20 * 1024 * 1024)}@example.vn`, password: 'x' });
    const res = await call(api, '/session?lang=en', { method: 'POST', headers, body });
    expect(res.status).toBe(413);
    expect(await readJson(res)).toEqual({
      error: { code: 'payload_too_large', message: 'The request body is too large.' },
    });
    expect(await db.$count(rateLimits)).toBe(before);
  });

  it('refuses a body just over the limit without a Content-Length, on any route (localised)', async () => {
    const body = JSON.stringify({ current: 'x'.repeat(API_BODY_LIMIT_BYTES), next: 'y' });
    const res = await call(api, '/me/password', {
      method: 'POST',
      headers,
      body: streamed(body),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await readJson(res)).error).toEqual({ code: 'payload_too_large', message: 'Nội dung gửi quá lớn.' });

    const admin = await call(api, '/admin/targets', { method: 'POST', headers, body });
    expect(admin.status).toBe(413);
  });

  it('passes a body within the limit to the route as sent', async () => {
    const res = await call(api, '/session', {
      method: 'POST',
      headers,
      body: streamed(JSON.stringify({ email: 'nobody@example.vn', password: 'x'.repeat(1000) })),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(401);
  });
});

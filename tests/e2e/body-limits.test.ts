/**
 * Body limits on the built worker, over real connections: an oversized form
 * post or API body is refused quickly with 413 (a localised message, the
 * API's error shape), and the keep-alive connection it came on still serves
 * the next request (the body was read to its end, not left half-sent).
 */
import { Agent, request as httpRequest } from 'node:http';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { FORM_BODY_LIMIT_BYTES } from '../../functions/body-limit';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
afterAll(() => agent.destroy());

interface Answer {
  status: number;
  body: string;
  /** The local port of the socket it came on: the same port means the same connection. */
  port: number;
}

function send(path: string, method: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, baseUrl), { method, agent, headers: { origin, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          port: req.socket?.localPort ?? 0,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const form = { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': '198.51.100.201' };

describe('body limits over keep-alive connections', () => {
  it('refuses a sign-in with a 20 MB email (413, Vietnamese), quickly, and the connection serves the next page', async () => {
    const started = Date.now();
    const email = `${'a'.repeat(20 * 1024 * 1024)}@example.vn`;
    const refused = await send('/dang-nhap', 'POST', form, new URLSearchParams({ email, password: 'x' }).toString());
    expect(refused.status).toBe(413);
    expect(refused.body).toContain('Biểu mẫu gửi lên quá lớn');
    expect(Date.now() - started).toBeLessThan(10_000);

    const next = await send('/dang-nhap', 'GET', {});
    expect(next.status).toBe(200);
    expect(next.body).toContain('<form');
    expect(next.port).toBe(refused.port);
  });

  it('says it in English on English pages, just over the limit', async () => {
    const email = `${'a'.repeat(FORM_BODY_LIMIT_BYTES)}@example.vn`;
    const refused = await send('/en/sign-in', 'POST', form, new URLSearchParams({ email, password: 'x' }).toString());
    expect(refused.status).toBe(413);
    expect(refused.body).toContain('The form you sent is too large');
  });

  it('bounds a multipart post to a form without files too (413), and keeps the connection', async () => {
    const boundary = 'bound4ry';
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = `${part('email', `${'a'.repeat(2 * 1024 * 1024)}@example.vn`)}${part('password', 'x')}--${boundary}--\r\n`;
    const multipart = {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'cf-connecting-ip': '198.51.100.203',
    };
    const refused = await send('/en/sign-in', 'POST', multipart, body);
    expect(refused.status).toBe(413);
    expect(refused.body).toContain('The form you sent is too large');
    const next = await send('/en/sign-in', 'GET', {});
    expect(next.status).toBe(200);
    expect(next.port).toBe(refused.port);

    // A small multipart sign-in is read as the form it is (wrong password: 422, not 413 or 500).
    const small = await send(
      '/en/sign-in',
      'POST',
      multipart,
      `${part('email', 'nobody@example.vn')}${part('password', 'x')}--${boundary}--\r\n`,
    );
    expect(small.status).toBe(422);
  });

  it('refuses an oversized API body in the error shape and keeps the connection', async () => {
    const body = JSON.stringify({ email: `${'a'.repeat(20 * 1024 * 1024)}@example.vn`, password: 'x' });
    const json = { 'content-type': 'application/json', 'cf-connecting-ip': '198.51.100.202' };
    const refused = await send('/api/v1/session?lang=en', 'POST', json, body);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toEqual({
      error: { code: 'payload_too_large', message: 'The request body is too large.' },
    });
    const next = await send('/api/v1/health', 'GET', {});
    expect(next.status).toBeLessThan(500);
    expect(next.port).toBe(refused.port);
  });
});

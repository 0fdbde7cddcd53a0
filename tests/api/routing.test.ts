import { readJson } from '../support/http';
import { describe, expect, it } from 'vitest';
import { apiOn, call } from '../support/api';
import { migratedMemoryDatabase } from '../support/libsql';

describe('API routing and errors', async () => {
  const { db } = await migratedMemoryDatabase();
  const api = apiOn(db);

  it('answers unknown routes with a JSON 404 in Vietnamese by default', async () => {
    const res = await call(api, '/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await readJson(res)).toEqual({ error: { code: 'route_not_found', message: 'Không có đường dẫn API này.' } });
  });

  it('localises errors by ?lang= and by Accept-Language', async () => {
    const byQuery = await readJson(await call(api, '/nope?lang=en'));
    expect(byQuery.error.message).toBe('No such API route.');
    const byHeader = await readJson(await call(api, '/nope', { headers: { 'accept-language': 'en-US,en;q=0.9' } }));
    expect(byHeader.error.message).toBe('No such API route.');
  });

  it('answers unknown methods on known paths with JSON, not HTML', async () => {
    const res = await call(api, '/health', { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect((await readJson(res)).error.code).toBe('route_not_found');
  });
});

describe('OpenAPI document', async () => {
  const { db } = await migratedMemoryDatabase();
  const res = await call(apiOn(db), '/openapi.json');
  const document = await readJson(res);

  it('is OpenAPI 3.1 generated from the route definitions', () => {
    expect(res.status).toBe(200);
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('Chợ HTX API');
    expect(document.servers).toEqual([{ url: '/api/v1' }]);
  });

  it('documents every route with its responses and schemas', () => {
    const health = document.paths['/health'].get;
    expect(Object.keys(health.responses).sort()).toEqual(['200', '503']);
    expect(health.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/Health');
    expect(document.components.schemas.Health.properties.database).toBeDefined();
  });
});

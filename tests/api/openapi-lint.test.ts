/**
 * The OpenAPI document against Redocly's recommended rules (the engine of
 * Redocly CLI, in process and offline): no errors; warnings are printed so
 * that they stay visible. Then what the rules cannot know: which operations
 * need the session cookie.
 */
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiOn, call } from '../support/api';
import { readJson } from '../support/http';
import { migratedMemoryDatabase } from '../support/libsql';

type Operation = {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
};

let document: {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, any>;
  security?: unknown[];
};
let problems: NormalizedProblem[];

function where(problem: NormalizedProblem): string {
  return `${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer ?? ''})`;
}

function operations(): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation]),
  );
}

beforeAll(async () => {
  const { db } = await migratedMemoryDatabase();
  document = await readJson(await call(apiOn(db), '/openapi.json'));
  const config = await createConfig({ extends: ['recommended'] });
  problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
});

describe('the OpenAPI document, linted', () => {
  it('has no errors under Redocly’s recommended rules', () => {
    const warnings = problems.filter((problem) => problem.severity === 'warn');
    if (warnings.length > 0) console.info(`OpenAPI lint warnings:\n${warnings.map(where).join('\n')}`);
    expect(problems.filter((problem) => problem.severity === 'error').map(where)).toEqual([]);
  });

  it('lints for real: a document missing its security schemes is an error', async () => {
    const { securitySchemes: _gone, ...components } = document.components;
    const broken = { ...document, components };
    const config = await createConfig({ extends: ['recommended'] });
    const found = await lintFromString({ source: JSON.stringify(broken), absoluteRef: 'broken.json', config });
    expect(found.some((problem) => problem.severity === 'error' && problem.ruleId === 'security-defined')).toBe(true);
  });
});

describe('what the document says about every operation', () => {
  it('says that every operation with a body can answer 413 (the API bounds every body)', () => {
    const withBody = operations().filter(([, op]) => op.requestBody);
    expect(withBody.length).toBeGreaterThan(20);
    expect(withBody.filter(([, op]) => !op.responses?.['413']).map(([name]) => name)).toEqual([]);
  });

  it('gives each a unique operationId and a tag', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter(([, op]) => !op.operationId || !op.tags?.length).map(([name]) => name)).toEqual([]);
    const ids = all.map(([, op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares the session cookie and marks the operations that need it', () => {
    expect(document.components.securitySchemes.sessionCookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: '__Host-session',
    });
    expect(document.security).toEqual([]);
    const needs = (name: string) =>
      Boolean(
        operations()
          .find(([key]) => key === name)?.[1]
          .security?.some((r) => 'sessionCookie' in r),
      );
    for (const name of [
      'GET /me',
      'POST /products/{slug}/batches',
      'GET /inquiries',
      'POST /managed-events',
      'GET /admin/audit-log',
      'POST /events/{slug}/registrations',
    ]) {
      expect(needs(name), name).toBe(true);
    }
    for (const name of ['GET /products/{slug}', 'POST /inquiries', 'POST /session', 'GET /events', 'GET /health']) {
      expect(needs(name), name).toBe(false);
    }
  });

  it('documents why a member’s cooperative is suspended on the account', () => {
    const account = document.components.schemas.Account;
    expect(account.properties.cooperative.properties.suspendedBecause).toBeDefined();
  });
});

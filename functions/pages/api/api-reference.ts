/**
 * The readable API reference (/tai-lieu-api, /en/api-docs): its operations,
 * read from the OpenAPI document the routes themselves generate, so the page
 * has nothing to keep in step.
 */
import { API_BASE, createApi, OPENAPI_INFO } from '../../api';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
}

export interface ApiOperation {
  path: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  responses?: Record<string, { description?: string }>;
}

export interface ApiReferenceView {
  base: string;
  description: string;
  operations: ApiOperation[];
}

export function apiReference(): ApiReferenceView {
  const document = createApi().getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO });
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const)
      .filter((method) => item[method])
      .map((method) => ({ path, method, ...(item[method] as Omit<ApiOperation, 'path' | 'method'>) })),
  );
  return { base: API_BASE, description: OPENAPI_INFO.description, operations };
}

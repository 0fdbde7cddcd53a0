import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterResponse, executionContextOf, type ResponseLifetime } from '../../functions/after-response';

function lifetime(): ResponseLifetime & { kept: Promise<unknown>[] } {
  const kept: Promise<unknown>[] = [];
  return { kept, waitUntil: (promise) => void kept.push(promise) };
}

describe('afterResponse', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hands the work to waitUntil, which keeps the request alive until it is done', async () => {
    const request = lifetime();
    let done = false;
    afterResponse(request, 'test work', async () => {
      done = true;
    });
    expect(request.kept).toHaveLength(1);
    await Promise.all(request.kept);
    expect(done).toBe(true);
  });

  it('logs a failure instead of rejecting (the response has gone), thrown or rejected alike', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const request = lifetime();
    afterResponse(request, 'mail delivery', () => Promise.reject(new Error('smtp down')));
    afterResponse(request, 'mail delivery', () => {
      throw new Error('no mailer');
    });
    await expect(Promise.all(request.kept)).resolves.toEqual([undefined, undefined]);
    const failures = logged.mock.calls.map(([what, error]) => `${what}: ${(error as Error).message}`);
    expect(failures.sort()).toEqual(['mail delivery: no mailer', 'mail delivery: smtp down']);
  });

  it('still runs the work without an execution context', async () => {
    const ran = Promise.withResolvers<string>();
    afterResponse(undefined, 'test work', async () => ran.resolve('ran'));
    await expect(ran.promise).resolves.toBe('ran');
  });
});

describe('executionContextOf', () => {
  it('is the context’s execution context, or null where Hono’s getter throws', () => {
    const request = lifetime();
    expect(executionContextOf({ executionCtx: request })).toBe(request);
    const none = {
      get executionCtx(): ResponseLifetime {
        throw new Error('This context has no ExecutionContext');
      },
    };
    expect(executionContextOf(none)).toBeNull();
  });
});

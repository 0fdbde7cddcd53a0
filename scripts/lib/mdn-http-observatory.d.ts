/**
 * Types for the parts of @mdn/mdn-http-observatory we use (the package ships
 * JavaScript with JSDoc only). See scripts/lib/observatory.ts.
 */
declare module '@mdn/mdn-http-observatory' {
  export interface ObservatoryTestOutput {
    pass: boolean;
    result: string | null;
    scoreModifier?: number;
  }
  export interface ObservatoryScan {
    scan: {
      algorithmVersion: number;
      grade: string | null;
      score: number | null;
      statusCode: number | null;
      testsPassed: number;
      testsQuantity: number;
      responseHeaders: Record<string, string>;
    };
    tests: Record<string, ObservatoryTestOutput>;
  }
  export function scan(hostname: string): Promise<ObservatoryScan>;
}

declare module '@mdn/mdn-http-observatory/src/constants.js' {
  import type { ObservatoryTestOutput } from '@mdn/mdn-http-observatory';
  /** Every test of a scan; each output's constructor has the test's name (e.g. "redirection"). */
  export const ALL_TESTS: ((requests: unknown) => ObservatoryTestOutput)[];
}

declare module '@mdn/mdn-http-observatory/test/helpers.js' {
  /** A verified HTTPS exchange (with a redirect from HTTP) carrying no headers of interest. */
  export function emptyRequests(): {
    responses: Record<'auto' | 'http' | 'https' | 'cors', { headers: Record<string, string> }>;
  };
}

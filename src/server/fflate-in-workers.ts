/**
 * fflate as the worker bundle sees it (astro.config.mjs aliases the bare
 * `fflate` here): everything of its browser build, except that `zip` and
 * `unzip` run synchronously.
 *
 * Why: fflate's asynchronous `zip`/`unzip` compress any file of 160 kB or
 * more in a Web Worker (`new Worker(URL.createObjectURL(…))`), and the
 * Workers runtime has no Web Workers: the call throws "Worker is not
 * defined". write-excel-file/universal zips every workbook with the
 * asynchronous `zip`, so a report sheet over 160 kB of XML (some 1,500
 * rows) failed. A Worker request is one thread anyway: the synchronous
 * code does the same work without the Worker.
 */
import {
  type AsyncTerminable,
  type AsyncUnzipOptions,
  type AsyncZipOptions,
  type AsyncZippable,
  type FlateCallback,
  type FlateError,
  type UnzipCallback,
  unzipSync,
  type Zippable,
  zipSync,
} from 'fflate/browser';

export * from 'fflate/browser';

/** Runs `work` on a later microtask, like the asynchronous originals, and hands its result or error to `done`. */
function later<T>(work: () => T, done: (err: FlateError | null, value: T) => void): AsyncTerminable {
  let cancelled = false;
  queueMicrotask(() => {
    if (cancelled) return;
    let value: T;
    try {
      value = work();
    } catch (error) {
      done(error as FlateError, null as T);
      return;
    }
    done(null, value);
  });
  return () => {
    cancelled = true;
  };
}

export function zip(data: AsyncZippable, opts: AsyncZipOptions | FlateCallback, cb?: FlateCallback): AsyncTerminable {
  const options = typeof opts === 'function' ? {} : opts;
  const callback = (typeof opts === 'function' ? opts : cb) as FlateCallback;
  // The asynchronous options are the synchronous ones plus `consume`, which only matters to a Worker.
  return later(() => zipSync(data as Zippable, options) as Uint8Array<ArrayBuffer>, callback);
}

export function unzip(data: Uint8Array, opts: AsyncUnzipOptions | UnzipCallback, cb?: UnzipCallback): AsyncTerminable {
  const options = typeof opts === 'function' ? {} : opts;
  const callback = (typeof opts === 'function' ? opts : cb) as UnzipCallback;
  return later(() => unzipSync(data, options), callback);
}

/**
 * Astro middleware for pages (the JSON API never passes here). It notes
 * whether the catalogue holds demo data, so every page's footer can say so. A
 * database that cannot answer must not break the page, least of all the error
 * pages: then nothing is noted and the page carries on.
 */
import { defineMiddleware } from 'astro:middleware';
import { withTimeout } from './server/db/health';
import { requestDatabase } from './server/db/request';
import { hasDemoData } from './server/stats/demo';

export const onRequest = defineMiddleware(async (context, next) => {
  try {
    // Briefly: a slow database must not hold the page (its own loader then answers 503).
    context.locals.demo = await withTimeout(requestDatabase().then(hasDemoData), 1000);
  } catch {
    context.locals.demo = false;
  }
  return next();
});

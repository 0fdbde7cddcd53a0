/**
 * Astro middleware for pages (the JSON API never passes here). It notes
 * whether the catalogue holds demo data, so every page's footer can say so.
 * A database that cannot answer must not break the page, least of all the
 * error pages: then nothing is noted and the page carries on.
 */
import { defineMiddleware } from 'astro:middleware';
import { requestDatabase } from './server/db/request';
import { hasDemoData } from './server/stats/demo';

export const onRequest = defineMiddleware(async (context, next) => {
  try {
    context.locals.demo = await hasDemoData(await requestDatabase());
  } catch {
    context.locals.demo = false;
  }
  return next();
});

// @ts-check
import cloudflare from '@astrojs/cloudflare';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'server',
  adapter: cloudflare({
    // Astro's <Image> is not used: uploads are resized once, when they arrive, by the IMAGES binding
    // (src/server/media) and their variants served from R2 at /media/….
    imageService: 'passthrough',
  }),
  i18n: {
    locales: ['vi', 'en'],
    defaultLocale: 'vi',
    routing: { prefixDefaultLocale: false },
  },
  // Each page carries its styles in its <style> elements: the first round trip brings all a page
  // needs to render (issue 18's 14 KB budget counts HTML and CSS together), with no stylesheet
  // request to wait for and no layout done before it arrives. The CSP allows them by their hashes,
  // which Astro's CSP lists (security.csp) and the worker adds to its own policy
  // (functions/security-headers.ts, withSecurityHeaders).
  build: { inlineStylesheets: 'always' },
  // Pages render on the server for every request; there is nothing to prefetch or hydrate.
  prefetch: false,
  // Our sessions are the Lucia-style ones in D1 (src/server/accounts), not Astro's KV sessions.
  session: false,
  // Astro's own CSRF check on pages (the default, stated because we rely on it); the worker checks
  // every state-changing request first, the API included (src/server/security/origin-check.ts).
  security: { checkOrigin: true, csp: true },
  vite: {
    resolve: {
      // fflate's asynchronous zip needs Web Workers, which the Workers runtime lacks (see the module).
      alias: [
        { find: /^fflate$/, replacement: fileURLToPath(new URL('./src/server/fflate-in-workers.ts', import.meta.url)) },
      ],
    },
  },
});

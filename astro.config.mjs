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
  // Styles go to files so the Content-Security-Policy can say style-src 'self' (no inline styles).
  build: { inlineStylesheets: 'never' },
  // Pages render on the server for every request; there is nothing to prefetch or hydrate.
  prefetch: false,
  // Our sessions are the Lucia-style ones in D1 (src/server/accounts), not Astro's KV sessions.
  session: false,
  // Astro's own CSRF check on pages (the default, stated because we rely on it); the worker checks
  // every state-changing request first, the API included (src/server/security/origin-check.ts).
  security: { checkOrigin: true },
  vite: {
    resolve: {
      // fflate's asynchronous zip needs Web Workers, which the Workers runtime lacks (see the module).
      alias: [
        { find: /^fflate$/, replacement: fileURLToPath(new URL('./src/server/fflate-in-workers.ts', import.meta.url)) },
      ],
    },
  },
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const source = (path: string) => fileURLToPath(new URL(`../../packages/${path}`, import.meta.url));

// The workspace packages are bundled from their sources, as the other apps bundle them; the
// API serves the build under /assets/, so the pages' script and styles are files of their own
// and the API's Content-Security-Policy needs no inline script.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@coachline/domain': source('domain/src/index.ts'),
      '@coachline/projections': source('projections/src/index.ts'),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // The app is one bundle of the domain's codecs, React and Mantine; splitting it would only
    // add requests to a page that needs all of it at once.
    chunkSizeWarningLimit: 1_600,
    // Vite would inline small assets as data: URLs; the API's CSP answers files only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // During development the pages ask the API started by `npm start`.
    proxy: Object.fromEntries(
      [
        '/sessions',
        '/accounts',
        '/setup',
        '/tokens',
        '/communities',
        '/coaches',
        '/providers',
        '/agreements',
        '/screenings',
        '/teams',
        '/due',
        '/views',
        '/streams',
        '/reports',
        '/access-log',
        '/coaching-system',
        '/implementation-plan',
        '/health',
        '/docs',
      ].map((path) => [path, 'http://127.0.0.1:3000']),
    ),
  },
});

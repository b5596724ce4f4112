import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  root: repoRoot,
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    rollupOptions: { input: fileURLToPath(new URL('./index.html', import.meta.url)) },
    // The Content-Security-Policy allows scripts from 'self' only: no inline polyfill,
    // and no assets inlined as data: URLs.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
      '/drawings': apiServer,
    },
  },
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { kcheckoutSources } from './aliases.mjs';

// The pages: a single-page React app, built to dist/app and served by the shop's server.
export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // The kcheckout sources' build constant: `vite` (serve) is a development build with the full
  // developer messages, `vite build` the production one a shop ships, without them.
  define: { __DEV__: command === 'serve' ? 'true' : 'false' },
  resolve: {
    alias: Object.entries(kcheckoutSources).map(([name, path]) => ({ find: new RegExp(`^${name.replace('/', '\\/')}$`), replacement: path })),
    dedupe: ['react', 'react-dom'],
  },
  build: { outDir: 'dist/app', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
}));

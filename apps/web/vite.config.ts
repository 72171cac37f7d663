import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Two pages: the playground (index.html) and the runner (runner.html), which the echo server also
// serves on {api} and {other} so a scenario can run from any of its origins.
export default defineConfig({
  plugins: [react()],
  build: {
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        runner: resolve(import.meta.dirname, 'runner.html'),
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // In dev the page origin is Vite's; scenario requests and the record API still go to the echo server.
    proxy: {
      '/r/': { target: 'http://127.0.0.1:8787', changeOrigin: false },
      '/__pg/': { target: 'http://127.0.0.1:8787', changeOrigin: false },
    },
  },
});

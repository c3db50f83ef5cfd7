import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Three bundles: main (with the backend utility process and the web host as extra entries,
// all plain ESM for Node), a CommonJS preload (sandboxed preloads cannot be ESM), and the
// renderer. better-sqlite3 stays external: it is a native module loaded from node_modules.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          backend: resolve(__dirname, 'electron/backend/index.ts'),
          webhost: resolve(__dirname, 'electron/webhost/index.ts'),
          // Untrusted spreadsheets are parsed in a worker thread with limits (architecture.md).
          'spreadsheet-worker': resolve(__dirname, 'electron/backend/spreadsheets/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});

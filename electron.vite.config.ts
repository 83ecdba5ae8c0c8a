import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('electron/app/main.ts'),
          // Worker threads: main.ts finds them beside itself as <name>.worker.js.
          'demo-platform.worker': resolve('electron/services/workers/demo-platform.worker.ts'),
          'sync.worker': resolve('electron/services/workers/sync.worker.ts'),
          'sync-feed.worker': resolve('electron/services/workers/sync-feed.worker.ts'),
          'import.worker': resolve('electron/services/workers/import.worker.ts'),
          'import-records.worker': resolve('electron/services/workers/import-records.worker.ts'),
          'source-indexes.worker': resolve('electron/services/workers/source-indexes.worker.ts'),
          'verify.worker': resolve('electron/services/workers/verify.worker.ts'),
          'reader.worker': resolve('electron/services/workers/reader.worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require packages: bundle everything, emit CommonJS.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});

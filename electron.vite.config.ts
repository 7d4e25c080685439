import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The native store module stays a runtime require from node_modules (unpacked from asar).
      externalizeDeps: true,
      // The worker thread's entry sits beside index.js: main starts it as ./job-worker.js.
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'job-worker': resolve('electron/services/jobs/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require npm packages: bundle everything, emit CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    plugins: [react()],
    // CSS Modules: each component's classes are its own (styles.sectionTitle), so no stylesheet can
    // restyle another's; only ui/base.css is global (tokens, element defaults, four utilities).
    css: { modules: { localsConvention: 'camelCaseOnly' } },
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified; esbuild minifies it (a third of the bytes to parse).
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});

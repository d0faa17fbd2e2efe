import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // validate-worker: the worker thread of validateFile({ workers }), loaded from next to index/cli.
    entry: { index: 'src/index.ts', testing: 'src/testing.ts', 'validate-worker': 'src/validate/worker-entry.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false, // the build script empties dist/ first: two configs cleaning in parallel would race
    target: 'node20',
    // The worker lookup reads import.meta.url only in the ESM build; the CJS branch never runs it.
    esbuildOptions(options) {
      options.logOverride = { 'empty-import-meta': 'silent' };
    },
  },
  {
    // The CLI is a single CommonJS file so `bin` works without a loader.
    entry: { cli: 'src/cli/main.ts' },
    format: ['cjs'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);

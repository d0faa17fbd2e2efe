import { defineConfig, type Options } from 'tsup';

// The worker lookup and the CLI's package.json lookup read import.meta.url only in the ESM build
// (and the sources); the CJS branch never runs it.
const esbuildOptions: Options['esbuildOptions'] = (options) => {
  options.logOverride = { 'empty-import-meta': 'silent' };
};

export default defineConfig([
  {
    // validate-worker: the worker thread of validateFile({ workers }), loaded from next to index/cli.
    entry: { index: 'src/index.ts', testing: 'src/testing.ts', 'validate-worker': 'src/validate/worker-entry.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false, // the build script empties dist/ first: two configs cleaning in parallel would race
    target: 'node20',
    esbuildOptions,
  },
  {
    // The CLI is a single CommonJS file so `bin` works without a loader.
    entry: { cli: 'src/cli/main.ts' },
    format: ['cjs'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    esbuildOptions,
  },
]);

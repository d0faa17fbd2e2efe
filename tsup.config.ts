import { defineConfig, type Options } from 'tsup';

const library = { index: 'src/index.ts', testing: 'src/testing.ts', 'validate-worker': 'src/validate/worker-entry.ts' };

const shared: Options = {
  sourcemap: true,
  clean: false, // the build script empties dist/ first: two configs cleaning in parallel would race
  target: 'node20',
  // Every entry of a format imports the code it shares with the others from one set of chunks,
  // so fp-edifact/testing, the worker and the CLI use the main entry's classes and objects.
  splitting: true,
  dts: { entry: library },
};

export default defineConfig([
  // validate-worker: the worker thread of validateFile({ workers }), loaded from next to the module that starts it.
  { ...shared, entry: library, format: ['esm'] },
  {
    ...shared,
    // The CLI is CommonJS so `bin` works without a loader (its hashbang is in src/cli/main.ts).
    entry: { ...library, cli: 'src/cli/main.ts' },
    format: ['cjs'],
    treeshake: true,
  },
]);

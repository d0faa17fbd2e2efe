import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The built package as users get it: ESM and CJS through the exports map, and the testing entry. */
const node = (args: string[]) => execFileSync(process.execPath, args, { encoding: 'utf8', cwd: process.cwd() });

describe('the built package', () => {
  it('imports as ESM by its name', () => {
    const out = node(['--input-type=module', '-e', "import { parse, getProfile } from 'fp-edifact'; console.log(parse(\"BGM+9'\").segments[0].tag, getProfile('fp-opsigelser/5.5-reconstructed').id);"]);
    expect(out.trim()).toBe('BGM fp-opsigelser/5.5-reconstructed');
  });

  it('requires as CommonJS by its name', () => {
    const out = node(['-e', "const { serialize } = require('fp-edifact'); console.log(serialize([{ tag: 'BGM', elements: [['9']] }]));"]);
    expect(out.trim()).toBe("BGM+9'");
  });

  it('exposes fp-edifact/testing with arbitraries', () => {
    const out = node(['--input-type=module', '-e', "import fc from 'fast-check'; import { arbOpsigelse } from 'fp-edifact/testing'; const [m] = fc.sample(arbOpsigelse('cancellation'), 1); console.log(m.kind);"]);
    expect(out.trim()).toBe('cancellation');
  });
});

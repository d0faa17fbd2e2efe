/**
 * A segment whose tag is junk (64 KiB of it, terminal escapes included): the validator's
 * errors quote the tag bounded and escaped, and neither `validate` nor `inspect` writes a
 * control character of it to the terminal.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/index.js';
import { run } from '../cli/run.js';
import { expectNoRawJunk, JUNK_TAG, SHOWN_JUNK } from '../syntax/junk-tag.js';
import { NOW, oneMessage, runValidate } from './helpers.js';

const text = oneMessage(['BGM+9', `${JUNK_TAG}+a`]);
const bytes = Buffer.from(text, 'latin1');

describe('junk segment tags in validation reports', () => {
  it('quotes the tag of the segment not in the table (15) and of the bad tag (12) bounded and escaped', async () => {
    const [report] = await validate(bytes, { now: NOW });
    const errors = report!.messages[0]!.errors;
    expect(errors.filter((e) => e.segmentPosition === 3).map((e) => [e.code, e.segment])).toEqual(
      expect.arrayContaining([
        ['12', SHOWN_JUNK],
        ['15', SHOWN_JUNK],
      ]),
    );
    expect(errors.find((e) => e.code === '15')?.message).toBe(`segment ${SHOWN_JUNK} is not part of this message's segment table`);
    for (const e of errors) expectNoRawJunk(`${e.segment} ${e.message}`);
  });

  it('validate --format text and inspect write no control character of it', async () => {
    const { stdout } = await runValidate(bytes, { format: 'text' });
    expect(stdout).toContain(`15  segment 3 (${SHOWN_JUNK})`);
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    // inspect streams its input: from a file (its `-` reads the process's own stdin).
    const file = join(mkdtempSync(join(tmpdir(), 'fp-junk-')), 'junk.edi');
    writeFileSync(file, bytes);
    const inspect = await run(['inspect', file]);
    expect(inspect.stdout).toContain(SHOWN_JUNK);
    expectNoRawJunk(inspect.stdout);
  });
});

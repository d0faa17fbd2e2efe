/**
 * ISO 9735 routing addresses: the sender's S002 0008 ("address for reverse routing") is what
 * the recipient puts in S003 0014 ("routing address") of every interchange it answers with,
 * so the sender can route the answer inside its organisation. The CONTRL's UCI echoes the
 * answered parties as they came.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/index.js';
import { buildReplyInterchange } from '../../src/messages/builders/interchange.js';
import { buildRejection } from '../../src/messages/builders/opsigelser.js';
import { decodeMessage } from '../../src/messages/decode.js';
import { opsigelser55 } from '../../src/schema/profiles/index.js';
import { serialize } from '../../src/syntax/writer.js';
import { validate } from '../../src/validate/stream.js';

const motor = readFileSync('fixtures/opsigelse-9-motor.edi', 'latin1');
const NOW = new Date(Date.UTC(2024, 11, 2, 9, 30));

describe('routing addresses in the UNB', () => {
  it('the fixture is what these tests change', () => {
    expect(motor).toContain('UNB+UNOC:3+11111111:ZZ+22222222:ZZ');
  });
  const withRouting = motor.replace('UNB+UNOC:3+11111111:ZZ+22222222:ZZ', 'UNB+UNOC:3+11111111:ZZ:ROUTE-1+22222222:ZZ:DESK-7');

  it('are read into the header: the sender reverse routing (0008), the recipient routing (0014)', () => {
    const { header } = parseInterchanges(withRouting).interchanges[0]!;
    expect(header?.sender).toEqual({ id: '11111111', qualifier: 'ZZ', routing: 'ROUTE-1' });
    expect(header?.recipient).toEqual({ id: '22222222', qualifier: 'ZZ', routing: 'DESK-7' });
    expect(parseInterchanges(motor).interchanges[0]!.header?.sender).toEqual({ id: '11111111', qualifier: 'ZZ' });
  });

  it("a CONTRL goes back to the sender's reverse routing address, and its UCI echoes both parties whole", async () => {
    const [report] = await validate(withRouting, { now: () => NOW });
    expect(report!.contrl).toContain("UNB+UNOC:3+22222222:ZZ+11111111:ZZ:ROUTE-1+");
    expect(report!.contrl).toContain('UCI+20241120230001+11111111:ZZ:ROUTE-1+22222222:ZZ:DESK-7+7');
  });

  it("a 12'er goes back to the sender's reverse routing address", async () => {
    const broken = withRouting.replace('RFF+POL:00-123?+456', 'RFF+POL:ukendt');
    const [report] = await validate(broken, { now: () => NOW });
    expect(report!.messages[0]!.reply).toContain('UNB+UNOC:3+22222222:ZZ+11111111:ZZ:ROUTE-1+');
  });

  it('buildReplyInterchange addresses the reply to the routing address, and writes none when there is none', () => {
    const received = parseInterchanges(withRouting).interchanges[0]!;
    const decoded = decodeMessage(received.messages[0]!, opsigelser55);
    if (!decoded.ok) throw new Error('fixture does not decode');
    const reply = buildRejection(decoded.value as never, { reason: '1', messageDate: '2024-12-02' });
    const unb = (header: typeof received.header) => serialize(buildReplyInterchange(reply, header!, { reference: 'R1', now: () => NOW })).split("'")[0];
    expect(unb(received.header)).toBe('UNB+UNOC:3+22222222:ZZ+11111111:ZZ:ROUTE-1+241202:0930+R1');
    expect(unb(parseInterchanges(motor).interchanges[0]!.header)).toBe('UNB+UNOC:3+22222222:ZZ+11111111:ZZ+241202:0930+R1');
  });
});


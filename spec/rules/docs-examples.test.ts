/**
 * Runs every example line of the rules docs: inside ```ts blocks, a line `expr // => value`
 * (value a quoted string, true or false) must evaluate to that value. Expressions are checked
 * to use nothing but the documented functions before they are evaluated.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as bonus from '../../src/rules/bonus.js';
import * as calendar from '../../src/rules/calendar.js';
import * as deadlines from '../../src/rules/deadlines.js';
import * as locationMatch from '../../src/rules/location-match.js';
import * as nameMatch from '../../src/rules/name-match.js';
import * as policyNumber from '../../src/rules/policy-number.js';
import * as registrationNumber from '../../src/rules/registration-number.js';
import * as renewal from '../../src/rules/renewal.js';

type Api = Record<string, (...args: never[]) => unknown>;

/** Only the functions a module exports. */
function functionsOf(...modules: object[]): Api {
  const api: Api = {};
  for (const m of modules) for (const [name, value] of Object.entries(m)) if (typeof value === 'function') api[name] = value as Api[string];
  return api;
}

interface Example {
  line: number;
  expression: string;
  expected: string | boolean;
}

/** The `expr // => value` lines of the ```ts blocks of a Markdown text. */
function examplesIn(markdown: string): Example[] {
  const examples: Example[] = [];
  let inTs = false;
  markdown.split('\n').forEach((text, index) => {
    if (/^```ts\s*$/.test(text)) inTs = true;
    else if (/^```/.test(text)) inTs = false;
    else if (inTs) {
      const m = /^(.*?)\s*\/\/ => (.*)$/.exec(text);
      if (m) examples.push({ line: index + 1, expression: (m[1] ?? '').trim(), expected: parseValue(m[2] ?? '', index + 1) });
    }
  });
  return examples;
}

function parseValue(raw: string, line: number): string | boolean {
  const value = raw.trim();
  if (value === 'true' || value === 'false') return value === 'true';
  const quoted = /^(['"])(.*)\1$/.exec(value);
  if (quoted) return quoted[2] ?? '';
  throw new Error(`line ${line}: an example value must be a quoted string, true or false; got ${value}`);
}

const STRING_LITERAL = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;
const FORBIDDEN_PROPERTIES = new Set(['constructor', '__proto__', 'prototype', 'call', 'apply', 'bind']);

/** Throws unless `expression` is a call of an API function using only literals, object keys and plain property reads. */
function checkSafe(expression: string, api: Api): void {
  const code = expression.replace(STRING_LITERAL, '""');
  if (/[`;=\\]/.test(code)) throw new Error(`not a plain call: ${expression}`);
  const call = /^([A-Za-z_$][\w$]*)\s*\(/.exec(code);
  if (!call || !Object.hasOwn(api, call[1] ?? '')) throw new Error(`does not start with a documented function: ${expression}`);
  for (const m of code.matchAll(/[A-Za-z_$][\w$]*/g)) {
    const name = m[0];
    const before = code.slice(0, m.index).trimEnd();
    const after = code.slice(m.index + name.length).trimStart();
    if (before.endsWith('.')) {
      if (FORBIDDEN_PROPERTIES.has(name)) throw new Error(`property ${name} is not allowed: ${expression}`);
    } else if (!(Object.hasOwn(api, name) || after.startsWith(':') || ['true', 'false', 'null', 'undefined'].includes(name))) {
      throw new Error(`identifier ${name} is not a documented function: ${expression}`);
    }
  }
}

function evaluate(expression: string, api: Api): unknown {
  checkSafe(expression, api);
  const names = Object.keys(api);
  return new Function(...names, `"use strict"; return (${expression});`)(...names.map((n) => api[n]));
}

const docs: Array<[file: string, api: Api, atLeast: number]> = [
  ['docs/rules-deadlines.md', functionsOf(deadlines, calendar), 20],
  ['docs/rules.md', functionsOf(policyNumber, nameMatch, locationMatch, registrationNumber, renewal, bonus), 10],
];

describe.each(docs)('examples of %s', (file, api, atLeast) => {
  const examples = examplesIn(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
  it(`has at least ${atLeast} examples`, () => {
    expect(examples.length).toBeGreaterThanOrEqual(atLeast);
  });
  it.each(examples.map((e) => [e.line, e.expression, e.expected] as const))('line %i: %s', (_line, expression, expected) => {
    expect(evaluate(expression, api)).toEqual(expected);
  });
});

describe('the example evaluator', () => {
  const api = functionsOf(deadlines);
  it.each([
    "process.exit(1)",
    "replyDeadline('2024-01-01').constructor",
    "replyDeadline(globalThis)",
    "replyDeadline('x'); process",
    "replyDeadline(`${1}`)",
    "(() => 1)()",
  ])('refuses %s', (expression) => {
    expect(() => evaluate(expression, api)).toThrow();
  });
  it('accepts object arguments and property reads', () => {
    expect(evaluate("isCancellationOnTime({ kind: 'normal', sentOn: '2024-12-30', requestedDate: '2025-02-01' }).onTime", api)).toBe(true);
  });
});

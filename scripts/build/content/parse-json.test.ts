// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseJson } from './parse-json.ts';

describe('parseJson', () => {
  it('returns the value of valid JSON', () => {
    expect(parseJson('{"a": [1, "ب", null, true]}')).toEqual({
      ok: true,
      value: { a: [1, 'ب', null, true] },
    });
    expect(parseJson('  "text"\n')).toEqual({ ok: true, value: 'text' });
  });

  it.each([
    ['{\n  "a": 1\n  "b": 2\n}', 'line 3, column 3: a comma was expected'],
    ['{\n  "a": 1,\n}', 'line 3, column 1: a property name was expected'],
    ['[1, 2,]', 'line 1, column 7: a value was expected'],
    ['{"a": 1} // note', 'line 1, column 10: comments are not allowed in JSON'],
    ['{"a": "x', 'line 1, column 7: a string is not closed'],
    ['{"a":1,\n"b":2,\n  "c" 3}', 'line 3, column 7: a colon was expected'],
    ['{"a":1}}', 'line 1, column 8: nothing more was expected'],
    ["{'a': 1}", 'line 1, column 2: an unexpected character'],
    ['', 'line 1, column 1: a value was expected'],
    ['{"a": [1, 2}', 'line 1, column 12: a comma was expected'],
    ['{"a": 1', 'line 1, column 8: a closing } was expected'],
  ])('reports %j at %s', (text, where) => {
    expect(parseJson(text)).toEqual({ ok: false, message: `invalid JSON at ${where}` });
  });

  it('reports broken JSON nested 200,000 levels deep, without overflowing the stack', () => {
    expect(parseJson(`{"x":${'['.repeat(200_000)}`)).toEqual({
      ok: false,
      message: 'invalid JSON at line 1, column 517: nested more than 512 levels deep',
    });
    expect(parseJson(`\n  ${'{"a":'.repeat(600)}1`)).toEqual({
      ok: false,
      message: 'invalid JSON at line 2, column 2563: nested more than 512 levels deep',
    });
  });

  it('reports the first fault of broken JSON nested within the limit', () => {
    expect(parseJson(`${'['.repeat(500)}1,]`)).toEqual({
      ok: false,
      message: 'invalid JSON at line 1, column 503: a value was expected',
    });
  });

  it('counts columns in characters on the faulty line of an Arabic file', () => {
    const text = '{\n  "headline": "خبر عاجل",\n  "id" "x"\n}';
    expect(parseJson(text)).toEqual({
      ok: false,
      message: 'invalid JSON at line 3, column 8: a colon was expected',
    });
  });
});

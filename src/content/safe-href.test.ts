// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isSafeHref, judgeHref } from './safe-href.ts';

describe('judgeHref', () => {
  it.each([
    ['https://example.com/a', false],
    ['http://example.com', false],
    ['HTTPS://EXAMPLE.COM', false],
    ['mailto:desk@example.com', false],
    ['/article/x', true],
    ['/section/world?page=2#top', true],
    [' /article/x ', true],
  ])('accepts %j (internal: %s)', (href, internal) => {
    expect(judgeHref(href)).toEqual({ ok: true, internal });
  });

  it.each([
    // Scheme tricks are judged on the parsed URL, as a browser reads them.
    ['javascript:alert(1)', 'javascript: URLs are not allowed'],
    ['JAVASCRIPT:alert(1)', 'javascript: URLs are not allowed'],
    ['JavaScript:alert(1)', 'javascript: URLs are not allowed'],
    ['java\tscript:alert(1)', 'javascript: URLs are not allowed'],
    ['java\nscript:alert(1)', 'javascript: URLs are not allowed'],
    ['\u0001javascript:alert(1)', 'javascript: URLs are not allowed'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'data: URLs are not allowed'],
    ['vbscript:msgbox(1)', 'vbscript: URLs are not allowed'],
    ['blob:https://example.com/1', 'blob: URLs are not allowed'],
    ['file:///etc/passwd', 'file: URLs are not allowed'],
    ['tel:+123', 'tel: URLs are not allowed'],
    ['article/x', 'in-app links must be paths starting with "/"'],
    ['../x', 'in-app links must be paths starting with "/"'],
    ['?q=1', 'in-app links must be paths starting with "/"'],
    ['', 'in-app links must be paths starting with "/"'],
    ['//evil.com', 'protocol-relative URLs ("//host") are not allowed'],
    ['/\\evil.com', 'protocol-relative URLs ("//host") are not allowed'],
    ['\\\\evil.com', 'protocol-relative URLs ("//host") are not allowed'],
    [' //evil.com', 'protocol-relative URLs ("//host") are not allowed'],
    ['/\t/evil.com', 'protocol-relative URLs ("//host") are not allowed'],
    ['https://', 'not a valid URL'],
  ])('rejects %j', (href, reason) => {
    expect(judgeHref(href)).toEqual({ ok: false, reason });
  });
});

describe('isSafeHref', () => {
  it('agrees with judgeHref', () => {
    expect(isSafeHref('/article/x')).toBe(true);
    expect(isSafeHref('javascript:alert(1)')).toBe(false);
    expect(isSafeHref('//evil.com')).toBe(false);
  });
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cspHash,
  cspProblems,
  INLINE_SCRIPTS,
  type InlineScript,
  inlineScriptBodies,
  minifyScript,
  readInlineScript,
  scriptSources,
} from './inline-scripts.ts';

const conf = (scriptSrc: string) =>
  `add_header X-Frame-Options "DENY" always;\nadd_header Content-Security-Policy "default-src 'self'; script-src ${scriptSrc}; object-src 'none'" always;\n`;

const script = (body: string): InlineScript => ({
  file: 'boot.js',
  body,
  hash: cspHash(body),
  tag: `<script>${body}</script>`,
});

describe('inline scripts', () => {
  it('minifies: no comments, short names, the same behaviour', () => {
    const source =
      '// why\n(() => {\n  const message = "ع";\n  window.said = message; // trailing\n})();\n';
    const body = minifyScript('boot.js', source);
    expect(body).not.toMatch(/why|trailing|message/);
    const said = { said: '' };
    new Function('window', body)(said);
    expect(said.said).toBe('ع');
    expect(() => minifyScript('bad.js', '(() => {')).toThrow(/bad\.js/);
  });

  it('hashes the text as the browser does: base64 SHA-256 of the UTF-8 body', () => {
    const body = "document.documentElement.setAttribute('data-x', 'ع');";
    const expected = createHash('sha256').update(Buffer.from(body, 'utf8')).digest('base64');
    expect(cspHash(body)).toBe(`'sha256-${expected}'`);
    expect(cspHash(`${body} `)).not.toBe(cspHash(body));
  });

  it('reads every boot script, minified, as a tag', () => {
    for (const name of Object.keys(INLINE_SCRIPTS) as (keyof typeof INLINE_SCRIPTS)[]) {
      const inline = readInlineScript(name);
      const source = readFileSync(INLINE_SCRIPTS[name], 'utf8');
      expect(inline.tag).toBe(`<script>${inline.body}</script>`);
      expect(inline.body.startsWith('(()=>{')).toBe(true);
      expect(inline.body.length).toBeLessThan(source.length / 2);
    }
  });

  it('finds the executable inline scripts of a page, not files or data blocks', () => {
    const html = [
      '<head><script>a();</script><script src="/x.js"></script>',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script></head>',
      '<body><script type="application/json" id="qari-app">{"entry":"/e.js"}</script>',
      '<script>b();</script></body>',
    ].join('');
    expect(inlineScriptBodies(html)).toEqual(['a();', 'b();']);
    expect(inlineScriptBodies('<p>no scripts</p>')).toEqual([]);
  });

  it('finds script-src, or default-src when there is none', () => {
    expect(scriptSources(conf("'self' 'sha256-abc='"))).toEqual(["'self'", "'sha256-abc='"]);
    expect(
      scriptSources(`add_header Content-Security-Policy "default-src 'self'; img-src https:";`),
    ).toEqual(["'self'"]);
    expect(scriptSources('no policy here')).toEqual([]);
  });

  it('names a missing hash, a stale hash and unsafe-inline', () => {
    const boot = script('a();');
    expect(cspProblems(conf(`'self' ${boot.hash}`), 'h.conf', [boot])).toEqual([]);
    expect(cspProblems(conf("'self'"), 'h.conf', [boot])).toEqual([
      `h.conf: script-src lacks ${boot.hash}, the hash of boot.js as inlined; add it`,
    ]);
    const stale = cspHash('old();');
    expect(cspProblems(conf(`'self' ${boot.hash} ${stale}`), 'h.conf', [boot])).toEqual([
      `h.conf: script-src allows ${stale}, which no inline script has; remove it`,
    ]);
    expect(cspProblems(conf(`'self' 'unsafe-inline' ${boot.hash}`), 'h.conf', [boot])).toEqual([
      "h.conf: script-src must not allow 'unsafe-inline'",
    ]);
  });

  it('deploy/security-headers.conf allows exactly the scripts as they are now', () => {
    const file = 'deploy/security-headers.conf';
    const scripts = Object.keys(INLINE_SCRIPTS).map((name) =>
      readInlineScript(name as keyof typeof INLINE_SCRIPTS),
    );
    expect(cspProblems(readFileSync(file, 'utf8'), file, scripts)).toEqual([]);
  });
});

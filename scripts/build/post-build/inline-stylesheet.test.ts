import type { IndexHtmlTransformContext } from 'vite';
import { describe, expect, it } from 'vitest';
import { cspHash, cspProblems } from './inline-scripts.ts';
import { inlineStyleBodies, inlineStylesheet, readInlineStyle } from './inline-stylesheet.ts';

const transform = (html: string, bundle: Record<string, unknown>) => {
  const hook = inlineStylesheet().transformIndexHtml as {
    handler: (html: string, context: IndexHtmlTransformContext) => string;
  };
  return hook.handler(html, { bundle } as unknown as IndexHtmlTransformContext);
};

describe('the inline stylesheet', () => {
  it('takes the place of the link, and its file leaves the build', () => {
    const bundle: Record<string, unknown> = {
      'assets/index-a1.css': { type: 'asset', source: 'body{margin:0}\n' },
      'assets/index-b2.js': { type: 'chunk' },
    };
    const html = transform(
      '<head><link rel="stylesheet" crossorigin href="/assets/index-a1.css"></head>',
      bundle,
    );
    expect(html).toBe('<head><style>body{margin:0}</style></head>');
    expect(Object.keys(bundle)).toEqual(['assets/index-b2.js']);
  });

  it('refuses CSS that would close its element', () => {
    const bundle = { 'assets/x.css': { type: 'asset', source: 'a::after{content:"</style>"}' } };
    expect(() => transform('<link rel="stylesheet" href="/assets/x.css">', bundle)).toThrow(
      /cannot contain "<\/style"/,
    );
  });

  it('reads a page’s stylesheet and its hash, which style-src must list', () => {
    const html = '<head><style>p{color:red}</style></head><body><p>نص</p></body>';
    expect(inlineStyleBodies(html)).toEqual(['p{color:red}']);
    const style = readInlineStyle(html, 'the stylesheet');
    expect(style?.hash).toBe(cspHash('p{color:red}'));
    expect(readInlineStyle('<p>no style</p>', 'x')).toBeNull();

    const conf = (styleSrc: string) =>
      `add_header Content-Security-Policy "default-src 'self'; style-src ${styleSrc}" always;`;
    const ok = conf(`'self' ${style?.hash}`);
    expect(cspProblems(ok, 'h.conf', style ? [style] : [], 'style-src')).toEqual([]);
    expect(cspProblems(conf("'self'"), 'h.conf', style ? [style] : [], 'style-src')).toEqual([
      `h.conf: style-src lacks ${style?.hash}, the hash of the stylesheet as inlined; add it`,
    ]);
    expect(cspProblems(conf("'self' 'unsafe-inline'"), 'h.conf', [], 'style-src')).toEqual([
      "h.conf: style-src must not allow 'unsafe-inline'",
    ]);
  });
});

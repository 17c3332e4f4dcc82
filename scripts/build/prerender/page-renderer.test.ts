import { describe, expect, it } from 'vitest';
import { cspHash } from '../post-build/inline-scripts.ts';
import { deferAppScripts, htmlFileFor } from './page-renderer.ts';

const loader = {
  file: 'src/app/boot/app-loader.js',
  body: 'load();',
  hash: cspHash('load();'),
  tag: '<script>load();</script>',
};

const template = `<!doctype html>
<html lang="ar" dir="rtl">
  <head>
    <script>boot();</script>
    <script type="module" crossorigin src="/assets/index-a1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/framework-b2.js">
    <link rel="stylesheet" crossorigin href="/assets/index-c3.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

describe('deferAppScripts', () => {
  const page = deferAppScripts(template, ['assets/story-d4.js', 'assets/framework-b2.js'], loader);

  it('takes the module script and its preloads out of <head>', () => {
    expect(page).not.toMatch(/<script type="module"/);
    expect(page).not.toMatch(/modulepreload/);
    expect(page).toContain('<script>boot();</script>');
    expect(page).toContain('<link rel="stylesheet" crossorigin href="/assets/index-c3.css">');
  });

  it('names the entry and every chunk once in a data block, then runs the loader, at the end of <body>', () => {
    const data =
      /<script type="application\/json" id="qari-app">([^<]*)<\/script>\s*<script>load\(\);<\/script>\s*<\/body>/.exec(
        page,
      );
    expect(data).not.toBeNull();
    expect(JSON.parse(data?.[1] ?? 'null')).toEqual({
      entry: '/assets/index-a1.js',
      preload: ['/assets/framework-b2.js', '/assets/story-d4.js'],
    });
  });

  it('leaves a page without a module entry as it is', () => {
    const plain = '<html><head></head><body></body></html>';
    expect(deferAppScripts(plain, ['assets/x.js'], loader)).toBe(plain);
  });
});

describe('htmlFileFor', () => {
  it('maps paths to the files nginx and vite preview look for', () => {
    expect(htmlFileFor('/')).toBe('home.html');
    expect(htmlFileFor('/article/iraq-marshes-drought')).toBe('article/iraq-marshes-drought.html');
    expect(htmlFileFor(`/tag/${encodeURIComponent('مياه')}`)).toBe('tag/مياه.html');
  });
});

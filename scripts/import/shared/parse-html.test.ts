// @vitest-environment node
import { parseFragment, serialize } from 'parse5';
import { describe, expect, it } from 'vitest';
import { PLAIN_HTML, randomHtml, TRICKY_HTML } from '../test/html-cases.ts';
import { parseHtml, placeholders } from './parse-html.ts';

const story =
  '<p>نص <strong>قوي</strong> <a href="https://a.example/1">Reuters</a>.</p>\n<h2>عنوان</h2>\n<figure><img src="/i.jpg" alt="بديل" width="1200" height="800"><figcaption>شرح <span class="credit">AFP</span></figcaption></figure>\n<script>track(1)</script>';

describe('parseHtml', () => {
  it('sends the text of plain markup to parse5 as placeholders, raw text as it is', () => {
    const plain = placeholders(story);
    expect(plain?.runs).toEqual(['نص ', 'قوي', 'Reuters', '.', 'عنوان', 'شرح ', 'AFP']);
    expect(plain?.skeleton).toContain('<script>track(1)</script>');
    // Text outside the tags is all placeholders (the alt attribute keeps its words).
    expect(plain?.skeleton.replace(/<[^>]*>/g, '')).not.toMatch(/[\u0600-\u06FF]/);
  });

  it('parses anything else as it is', () => {
    for (const html of [
      '<p>أ&amp;ب</p>',
      '<p>أ<!-- تعليق --></p>',
      '<table><tr><td>خلية</td></tr></table>',
      '<pre>\nسطر</pre>',
      '<p>سطر\r\nسطر</p>',
      '<p title=a"b>نص</p>',
      '<p\u00a0class="x">نص</p>',
      '<script><!--<script></script>--></script>',
      '<p>\uE000</p>',
    ])
      expect(placeholders(html)).toBeNull();
  });

  it('builds the tree parse5 builds, on tricky, random and plain markup', () => {
    const cases = [
      story,
      ...TRICKY_HTML,
      ...Array.from({ length: 3000 }, (_, seed) => randomHtml(seed, PLAIN_HTML)),
      // Raw text whose end tag hides in what looks like an attribute value.
      '<script><a href="</script><a href=\'">RUN\'>link</a>',
      '<p>a<script>x</SCRIPT >b</p><style>p{}</style>c<iframe>i</iframe>',
    ];
    for (const html of cases)
      expect(serialize(parseHtml(html))).toBe(serialize(parseFragment(html)));
  });
});

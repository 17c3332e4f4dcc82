// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Drops } from './draft.ts';
import { htmlToBlocks, htmlToText } from './html-to-blocks.ts';

const BASE = 'https://news.example.com/2025/10/story/';

function map(html: string) {
  const drops = new Drops();
  const blocks = htmlToBlocks(html, { baseUrl: BASE, drops });
  return { blocks, drops: drops.lines() };
}

describe('htmlToBlocks: text', () => {
  it('maps p to a paragraph with links and strong runs, em/i as plain text', () => {
    const { blocks } = map(
      '<p>قال <strong>الوزير</strong> إن <a href="/economy/">الاقتصاد</a> <em>ينمو</em> بنسبة <b><a href="https://imf.org">IMF</a></b>.</p>',
    );
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        content: [
          'قال ',
          { text: 'الوزير', strong: true },
          ' إن ',
          { text: 'الاقتصاد', href: 'https://news.example.com/economy/' },
          ' ينمو بنسبة ',
          { text: 'IMF', href: 'https://imf.org/', strong: true },
          '.',
        ],
      },
    ]);
  });

  it('decodes entities, normalizes whitespace and &nbsp;, removes empty paragraphs', () => {
    const { blocks } = map(
      '<p>  أ&amp;ب&nbsp;&nbsp;ج\n\t د &#8211; &quot;Apple&quot; </p><p>&nbsp;</p><p> </p>',
    );
    expect(blocks).toEqual([{ type: 'paragraph', content: ['أ&ب ج د – "Apple"'] }]);
  });

  it('splits paragraphs at runs of br', () => {
    const { blocks } = map('<p>السطر الأول<br>السطر الثاني<br /><br/>الثالث</p>');
    expect(blocks.map((b) => b.type === 'paragraph' && b.content)).toEqual([
      ['السطر الأول'],
      ['السطر الثاني'],
      ['الثالث'],
    ]);
  });

  it('strips bidi controls from text', () => {
    const { blocks } = map('<p>نص \u202Eمقلوب\u202C و\u2066Latin\u2069</p>');
    expect(blocks).toEqual([{ type: 'paragraph', content: ['نص مقلوب وLatin'] }]);
  });

  it('keeps loose text and inline elements outside p as paragraphs', () => {
    const { blocks } = map('نص حر <span>داخل span</span><div>كتلة</div>بعدها');
    expect(blocks.map((b) => b.type === 'paragraph' && b.content)).toEqual([
      ['نص حر داخل span'],
      ['كتلة'],
      ['بعدها'],
    ]);
  });
});

describe('htmlToBlocks: structure', () => {
  it('maps h2–h6 to headings', () => {
    const { blocks } = map('<h2>عنوان <em>فرعي</em></h2><h4>Latin <b>run</b></h4><h3> </h3>');
    expect(blocks).toEqual([
      { type: 'heading', text: 'عنوان فرعي' },
      { type: 'heading', text: 'Latin run' },
    ]);
  });

  it('maps blockquote to a quote with its cite or footer', () => {
    const { blocks } = map(
      '<blockquote><p>الطاقة الشمسية باتت <strong>منافسة</strong></p><p>للغاز</p><footer>عمر الزعبي</footer></blockquote><blockquote cite="https://x.org"><p>بلا قائل</p></blockquote>',
    );
    expect(blocks).toEqual([
      {
        type: 'quote',
        content: ['الطاقة الشمسية باتت ', { text: 'منافسة', strong: true }, ' للغاز'],
        cite: 'عمر الزعبي',
      },
      { type: 'quote', content: ['بلا قائل'] },
    ]);
  });

  it('maps ul/ol to lists, flattening nested lists into their item', () => {
    const { blocks } = map(
      '<ul><li>أول</li><li><a href="https://a.example/">ثانٍ</a></li><li> </li></ul><ol><li>واحد<ul><li>فرعي</li></ul></li></ol>',
    );
    expect(blocks).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [['أول'], [{ text: 'ثانٍ', href: 'https://a.example/' }]],
      },
      { type: 'list', ordered: true, items: [['واحد فرعي']] },
    ]);
  });

  it('maps figure/img to an image with caption and credit', () => {
    const { blocks } = map(
      '<figure class="wp-block-image"><img src="/uploads/a.jpg" alt="سوق &quot;الحميدية&quot;" width="1200" height="800"><figcaption>سوق في دمشق <span class="credit">AFP</span></figcaption></figure>',
    );
    expect(blocks).toEqual([
      {
        type: 'image',
        image: {
          src: 'https://news.example.com/uploads/a.jpg',
          alt: 'سوق "الحميدية"',
          width: 1200,
          height: 800,
          caption: 'سوق في دمشق',
          credit: 'AFP',
        },
      },
    ]);
  });

  it('reads the classic WordPress caption markup and lazy images', () => {
    const { blocks } = map(
      '<div class="wp-caption"><img src="data:image/gif;base64,R0lGOD" data-src="https://cdn.example.com/b.jpg" alt=""><p class="wp-caption-text">تعليق <cite>رويترز</cite></p></div>',
    );
    expect(blocks).toEqual([
      {
        type: 'image',
        image: {
          src: 'https://cdn.example.com/b.jpg',
          alt: '',
          caption: 'تعليق',
          credit: 'رويترز',
        },
      },
    ]);
  });

  it('splits a paragraph around an inline image', () => {
    const { blocks } = map('<p>قبل <img src="https://cdn.example.com/c.png" alt="c"> بعد</p>');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'image', 'paragraph']);
  });
});

describe('htmlToBlocks: what is dropped', () => {
  it('drops script, style, forms, tables and SVG, naming each', () => {
    const { blocks, drops } = map(
      '<p>نص</p><script>alert(1)</script><style>p{}</style><form><input></form><table><tr><td>خلية</td></tr></table><svg><text>x</text></svg>',
    );
    expect(blocks).toEqual([{ type: 'paragraph', content: ['نص'] }]);
    expect(drops).toEqual([
      '<script> dropped',
      '<style> dropped',
      '<form> dropped',
      '<table> dropped',
      '<svg> dropped',
    ]);
  });

  it('turns iframe, video and social embeds with an address into a link paragraph', () => {
    const { blocks, drops } = map(
      '<iframe src="https://www.youtube.com/embed/abc123?feature=oembed"></iframe>' +
        '<blockquote class="twitter-tweet"><p>تغريدة</p><a href="https://twitter.com/x/status/1">date</a></blockquote>' +
        '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/XYZ/"></blockquote>' +
        '<video><source src="https://cdn.example.com/v.mp4"></video>' +
        '<iframe srcdoc="<p>x</p>"></iframe>',
    );
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        content: [
          {
            text: 'youtube.com',
            href: 'https://www.youtube.com/watch?v=abc123',
          },
        ],
      },
      {
        type: 'paragraph',
        content: [{ text: 'twitter.com', href: 'https://twitter.com/x/status/1' }],
      },
      {
        type: 'paragraph',
        content: [{ text: 'instagram.com', href: 'https://www.instagram.com/p/XYZ/' }],
      },
      {
        type: 'paragraph',
        content: [{ text: 'cdn.example.com', href: 'https://cdn.example.com/v.mp4' }],
      },
    ]);
    expect(drops).toEqual([
      'iframe embed (www.youtube.com) replaced by a link to it',
      'twitter-tweet embed (twitter.com) replaced by a link to it',
      'instagram-media embed (www.instagram.com) replaced by a link to it',
      'video embed (cdn.example.com) replaced by a link to it',
      '<iframe> dropped',
    ]);
  });

  it('drops javascript:, data: and vbscript: links but keeps their text', () => {
    const { blocks, drops } = map(
      '<p><a href="javascript:alert(1)">أ</a> <a href=" JAVA&#x09;SCRIPT:alert(1)">ب</a> <a href="data:text/html,x">ج</a> <a href="vbscript:x">د</a></p>',
    );
    expect(blocks).toEqual([{ type: 'paragraph', content: ['أ ب ج د'] }]);
    expect(drops).toEqual([
      'javascript: link dropped (its text kept) (2 times)',
      'data: link dropped (its text kept)',
      'vbscript: link dropped (its text kept)',
    ]);
  });

  it('drops event handlers and tracking pixels, naming them', () => {
    const { blocks, drops } = map(
      '<p onclick="steal()">نص</p><img src="https://feeds.example.com/~r/x.gif" width="1" height="1"><img src="javascript:alert(1)">',
    );
    expect(blocks).toEqual([{ type: 'paragraph', content: ['نص'] }]);
    expect(drops).toEqual([
      'event handler onclick on <p> dropped',
      'tracking pixel (feeds.example.com) dropped',
      'image with an unusable source "javascript:alert(1)" dropped',
    ]);
  });

  it('never lets markup through as text it would run', () => {
    const { blocks } = map('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(blocks).toEqual([{ type: 'paragraph', content: ['<script>alert(1)</script>'] }]);
  });
});

describe('htmlToBlocks: hostile input', () => {
  it('walks 100,000 nested elements without overflowing the stack', () => {
    const depth = 100_000;
    const html = `${'<div><span>'.repeat(depth)}عميق${'</span></div>'.repeat(depth)}`;
    const { blocks, drops } = map(html);
    expect(blocks).toEqual([{ type: 'paragraph', content: ['عميق'] }]);
    expect(drops).toEqual([
      `${2 * depth - 1000} elements nested deeper than 1000 levels flattened to their text`,
    ]);
    expect(htmlToText(html)).toBe('عميق');
  }, 30_000);
});

describe('htmlToText', () => {
  it('gives the text of HTML titles and captions', () => {
    expect(htmlToText('عنوان &amp; <b>Apple</b> &#8211; x')).toBe('عنوان & Apple – x');
    expect(htmlToText('<p>أ</p><p>ب</p>')).toBe('أ ب');
    expect(htmlToText('a < b')).toBe('a < b');
  });
});

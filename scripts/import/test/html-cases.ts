// HTML that real feeds and hostile ones send: misnested and unclosed tags, foster-parented
// tables, raw-text elements, entities without semicolons, foreign content. Used to check
// that the HTML rules give the same blocks, drops and text however the HTML is parsed.
import { PLAIN_TAGS } from '../shared/parse-html.ts';

/** Hand-written cases, each one an HTML parsing rule the mapping depends on. */
export const TRICKY_HTML: readonly string[] = [
  '',
  ' ',
  'نص بلا وسوم',
  '<p>أ<p>ب<p>ج',
  '<p>قبل<div>كتلة</div>بعد</p>',
  '<p>أ</p></p>ب',
  '</br>سطر</br>',
  '<p><b>غامق <i>مائل</b> عادي</i> نهاية</p>',
  '<b><p>أول</p><p>ثانٍ</p></b>',
  '<a href="https://a.example/1">خارجي <a href="https://a.example/2">داخلي</a> بعد</a>',
  '<a href="/x"><p>رابط يضم فقرة</p></a>',
  '<p><a href="https://a.example/">رابط<p>فقرة جديدة</a></p>',
  '<h2>عنوان<h3>عنوان داخل عنوان</h3></h2>',
  '<h2>عنوان <p>فقرة</p> تابع</h2>',
  '<ul><li>أول<li>ثانٍ<ul><li>فرعي</ul><li>ثالث</ul>',
  '<li>عنصر بلا قائمة</li><li>آخر</li>',
  '<ol><li><p>فقرة في عنصر</p><img src="/i.jpg" width="10" height="10"></li></ol>',
  '<table><tr><td>خلية</td></tr>نص مطرود<p>فقرة مطرودة</p></table>',
  '<table><caption>عنوان الجدول</caption><tr><td>x</td></tr></table>بعد الجدول',
  '<p>نص<table><tr><td>خلية</td></tr></table>تابع</p>',
  '<script>document.write("<p>x</p>")</script><p>بعد</p>',
  '<script><!--<script></script>--></script><p>بعد السكربت</p>',
  '<style>p{}</style><noscript><p>بلا سكربت</p></noscript>',
  '<textarea><p>ليس وسماً</p></textarea>بعد',
  '<title>عنوان <b>x</b></title><p>نص</p>',
  '<plaintext><p>كل شيء نص</p>',
  '<xmp><b>x</b></xmp><p>بعد xmp</p>',
  '<iframe src="https://www.youtube-nocookie.com/embed/Zz_9-1"><p>بديل</p></iframe>',
  '<iframe>بلا عنوان</iframe><p>بعد</p>',
  '<object data="https://cdn.example.com/f.swf"><embed src="https://cdn.example.com/e.swf"></object>',
  '<video src="/v.mp4"></video><audio><source src="https://cdn.example.com/a.mp3"></audio>',
  '<svg><foreignObject><p>داخل svg</p></foreignObject></svg><p>بعد svg</p>',
  '<math><mi>x</mi></math><p>بعد math</p>',
  '<p>قبل<svg><p>فقرة تكسر svg</p></svg>بعد</p>',
  '<template><p>قالب</p></template><p>بعد القالب</p>',
  '<select><option>خيار</option></select><p>بعد</p>',
  '<form><p>داخل نموذج</p><input value="x"><button>زر</button></form>',
  '<p>أ&amp;ب &lt;b&gt; &notin; &notit; &amp &copy &AMP; &#x202E;ج&#x202C; &#0; &#55296; &#x110000; &#128512;</p>',
  '<p>&nbsp;&nbsp;</p><p>\u00a0</p><p>\u200b</p>',
  '<p>سطر\r\nسطر\rسطر\u0000فاصل</p>',
  '<!DOCTYPE html><html><head><title>x</title></head><body><p>جسم</p></body></html>',
  '<html><body><p>أ</p></body></html><p>بعد html</p>',
  '<body onload="x()"><p>جسم</p></body>',
  '<head><meta charset="utf-8"><link rel="x"></head><p>نص</p>',
  '<!-- تعليق --><p>أ<!-- داخلي -->ب</p><!-- غير مغلق',
  '<![CDATA[بيانات]]><p>بعد CDATA</p>',
  '<?php echo 1 ?><p>بعد php</p>',
  '<P CLASS="X"><STRONG>كبير</STRONG> <A HREF="HTTPS://A.EXAMPLE/">رابط</A></P>',
  '<p title=\'a"b\' data-x=y onclick=alert(1) onMouseOver="x">سمات</p>',
  '<p><a href="  javascript:alert(1)  ">js</a><a href="jav&#x09;ascript:x">js2</a><a href="java\nscript:x">js3</a></p>',
  '<p><a href="//cdn.example.com/x">نسبي للبروتوكول</a><a href="?q=1#f">استعلام</a><a href="#top">مرساة</a><a href="mailto:a@b.c">بريد</a><a href="tel:123">هاتف</a><a href="ftp://x/">ftp</a><a href="http://[::1">مكسور</a></p>',
  '<img src="/a.jpg" srcset="/a-300.jpg 300w, /a-1200.jpg 1200w" width="1200" height="800" alt="<b>صورة</b> &amp; نص">',
  '<img src="data:image/png;base64,AAA" srcset="/b-1x.jpg, /b-2x.jpg 2x" alt="">',
  '<img data-lazy-src="https://cdn.example.com/lazy.jpg" width="x" height="0"><img>',
  '<img src="https://t.example.com/p.gif" width="1" height="1"><img src="https://t.example.com/p2.gif" width=" 1 " height="1">',
  '<figure><img src="/f.jpg" width="800" height="600"><img src="/g.jpg"><figcaption>تعليق <small>المصدر</small> <em>مائل</em></figcaption></figure>',
  '<figure><figcaption>تعليق بلا صورة</figcaption></figure>',
  '<figure><figure><img src="/nested.jpg"></figure><figcaption>خارجي</figcaption></figure>',
  '<div class="wp-caption alignnone"><img src="/w.jpg" width="1" height="2"><p class="wp-caption-text">نص <span class="photographer">فلان</span></p></div>',
  '<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=abc\n</div></figure>',
  '<figure class="wp-block-embed"><div><iframe src="https://player.vimeo.com/video/1"></iframe></div></figure>',
  '<figure class="wp-block-embed"><div>ليس عنواناً</div></figure>',
  '<blockquote class="twitter-tweet"><p lang="ar">تغريدة</p>— x (@x) <a href="https://twitter.com/x/status/9?ref=y">date</a></blockquote>',
  '<blockquote class="instagram-media"><a href="https://www.instagram.com/p/A/">x</a></blockquote>',
  '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@x/video/1"></blockquote>',
  '<blockquote class="bluesky-embed"></blockquote>',
  '<blockquote><p>اقتباس</p><cite>قائل <b>مهم</b></cite><footer>تذييل</footer></blockquote>',
  '<blockquote><cite>قائل فقط</cite></blockquote>',
  '<blockquote><blockquote>متداخل</blockquote><ul><li>في اقتباس</li></ul><h2>عنوان في اقتباس</h2><img src="/q.jpg"></blockquote>',
  '<blockquote><figure><img src="/qf.jpg"><figcaption>تعليق</figcaption></figure></blockquote>',
  '<ul><li><blockquote>اقتباس في عنصر</blockquote></li><li><figure><img src="/lf.jpg"></figure></li></ul>',
  '<ul><li><h3>عنوان في عنصر</h3></li></ul><figure><h2>عنوان في شكل</h2><img src="/hf.jpg"></figure>',
  '<h2><img src="/h.jpg">عنوان بصورة</h2><h1>أول</h1><h6>سادس</h6>',
  '<p>نص <br> <br> <br> آخر<br></p><br><br>',
  '<pre>  نص\n  مسبق  </pre><hr><dl><dt>مصطلح</dt><dd>تعريف</dd></dl>',
  '<details><summary>ملخص</summary>تفاصيل</details><address>عنوان</address><center>وسط</center>',
  '<span>أ</span><span>ب</span> <em>ج</em><i>د</i><u>هـ</u>',
  '<strong> </strong><a href="https://a.example/"> </a><b>غامق</b><strong>متصل</strong>',
  '<p><strong><a href="https://a.example/">أ</a></strong><a href="https://a.example/">ب</a></p>',
  '<p>\u202Bمقلوب\u202C \u2067معزول\u2069 \u200Fعلامة\u200E</p>',
  '<p>عربي Latin 123 عربي</p>',
  '<frameset><frame src="x"></frameset><p>بعد</p>',
  '<applet code="x">أبليت</applet><canvas>لوحة</canvas><dialog>حوار</dialog><map><area href="x"></map>',
  '<col><colgroup></colgroup><track src="x"><param name="x"><wbr><source src="x">نص',
  '<p><base href="https://evil.example/"><a href="/rel">نسبي</a></p>',
  '<image src="/image-tag.jpg" width="5" height="5">',
  '<isindex><keygen><menuitem>قائمة</menuitem><marquee>متحرك</marquee><blink>وميض</blink>',
  '<a href="https://a.example/"><img src="/linked.jpg" width="3" height="3"></a>',
  `<p>${'كلمة '.repeat(2000)}</p>`,
  `${'<div>'.repeat(1200)}عميق${'</div>'.repeat(1200)}`,
  `${'<b>'.repeat(1200)}غامق عميق${'</b>'.repeat(1200)}`,
  `${'<ul><li>'.repeat(600)}قائمة عميقة${'</li></ul>'.repeat(600)}`,
  `${'<p>'.repeat(5000)}فقرات مفتوحة`,
  `${'<a href="https://a.example/">'.repeat(300)}روابط`,
  `${'<table>'.repeat(300)}جداول`,
  `${'<div><span>'.repeat(700)}نصف عمق${'</span></div>'.repeat(700)}`,
  `${'<br/>'.repeat(2000)}بعد الفواصل`,
  '<p>a<!-->b<!--->c<!-- -- -->d</p>',
  '<p>x</p\n><p\n>y</p ><p/>z</p>',
  '<p <p>>غريب</p>',
  '<<p>>نص<</p>>',
  '<a href=https://a.example/?a=1&b=2&amp;c=3&copy=4>سمة بلا علامات</a>',
  '<img src=/u.jpg alt=بلا width=100 height=50/>',
  '<noscript><img src="/ns.jpg" width="2" height="2"></noscript>',
  '<h2></h2><p></p><ul></ul><ol><li></li></ol><blockquote></blockquote><figure></figure>',
];

/** A small seeded generator (mulberry32): the same seed gives the same HTML everywhere. */
function random(seed: number): () => number {
  let a = seed + 0x6d2b79f5;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAGS = [
  'p',
  'p',
  'p',
  'div',
  'span',
  'a',
  'a',
  'strong',
  'b',
  'em',
  'i',
  'h2',
  'h3',
  'h1',
  'h6',
  'blockquote',
  'cite',
  'footer',
  'small',
  'ul',
  'ol',
  'li',
  'li',
  'figure',
  'figcaption',
  'br',
  'img',
  'img',
  'script',
  'style',
  'iframe',
  'video',
  'source',
  'table',
  'tr',
  'td',
  'caption',
  'form',
  'input',
  'svg',
  'math',
  'template',
  'noscript',
  'textarea',
  'title',
  'select',
  'option',
  'pre',
  'hr',
  'wbr',
  'section',
  'article',
  'dl',
  'dd',
  'button',
  'html',
  'body',
  'head',
  'frameset',
  'xmp',
  'object',
  'embed',
  'header',
  'nav',
  'u',
  'sup',
  'image',
];
const TEXTS = [
  'نص',
  'الاقتصاد',
  'Latin run',
  ' ',
  '  ',
  '\n',
  '\t',
  '&amp;',
  '&nbsp;',
  '&lt;script&gt;',
  '&notin;',
  '&notit;',
  '&copy',
  '&#8211;',
  '&#x202E;',
  '\u202B',
  '\u2066',
  '&#0;',
  '123',
  '.',
  '؟',
  '<!-- c -->',
  '<![CDATA[x]]>',
  '</p>',
  '</li>',
  '</b>',
  '</a>',
  '</div>',
  '<',
  '>',
  '&',
  '"',
  "'",
  'javascript:',
  '\u00a0',
  '\u0000',
  '\r\n',
];
const ATTRS = [
  'href="https://a.example/x"',
  'href="/rel"',
  'href="javascript:alert(1)"',
  'href="#f"',
  'href="data:text/html,x"',
  'href="mailto:a@b.c"',
  'href=" http://b.example "',
  'src="https://cdn.example.com/i.jpg"',
  'src="/i.png"',
  'src="data:image/gif;base64,AA"',
  'data-src="https://cdn.example.com/d.jpg"',
  'srcset="/s1.jpg 1x, /s2.jpg 2x"',
  'width="1200"',
  'height="800"',
  'width="1"',
  'height="1"',
  'alt="بديل &amp; x"',
  'class="credit"',
  'class="wp-caption"',
  'class="wp-caption-text"',
  'class="twitter-tweet"',
  'class="wp-block-embed"',
  'class="instagram-media"',
  'cite="https://t.example/1"',
  'onclick="x()"',
  'ONLOAD=y',
  'data-instgrm-permalink="https://www.instagram.com/p/Q/"',
];

/** What randomHtml draws from: tags, texts and attributes. */
export type Vocabulary = {
  tags: readonly string[];
  texts: readonly string[];
  attrs: readonly string[];
};
export const ANY_HTML: Vocabulary = { tags: TAGS, texts: TEXTS, attrs: ATTRS };
/**
 * Plain story markup, misnested and unclosed all the same: the tags the HTML parser's fast
 * path takes, no entities, comments, CR or NUL in the text (so that both paths are
 * compared on it).
 */
export const PLAIN_HTML: Vocabulary = {
  tags: TAGS.filter((tag) => PLAIN_TAGS.has(tag)),
  texts: [...TEXTS.filter((text) => !/[&<\r\0]/.test(text)), '\f', ' نص ', '\u00a0\u00a0'],
  attrs: [...ATTRS.filter((attr) => !attr.includes('&')), "title='مفرد'", 'data-x=y/z'],
};

/** Random, often broken HTML built from the tags, texts and attributes of a vocabulary. */
export function randomHtml(seed: number, { tags, texts, attrs } = ANY_HTML): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const open: string[] = [];
  let html = '';
  const steps = 5 + Math.floor(next() * 60);
  for (let i = 0; i < steps; i++) {
    const r = next();
    if (r < 0.35) {
      const tag = pick(tags);
      const attrList = Array.from({ length: Math.floor(next() * 3) }, () => ` ${pick(attrs)}`);
      html += `<${next() < 0.05 ? tag.toUpperCase() : tag}${attrList.join('')}>`;
      open.push(tag);
    } else if (r < 0.55 && open.length > 0) {
      // Usually the innermost tag, sometimes another one: misnesting on purpose.
      const tag = next() < 0.8 ? (open.pop() as string) : pick(open);
      html += `</${tag}>`;
    } else html += pick(texts);
  }
  // Often left unclosed, as broken feeds do.
  if (next() < 0.6)
    html += open
      .reverse()
      .map((tag) => `</${tag}>`)
      .join('');
  return html;
}

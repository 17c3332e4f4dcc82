// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Drops, mapDocument } from '../../shared/draft.ts';
import { fixtureDoc, plain } from '../../test/fixture-doc.ts';
import { wordpress } from './map-wordpress.ts';
import { wpautop } from './wpautop.ts';

describe('mapWordPress: REST /wp/v2/posts with _embedded', () => {
  const [port, tourism] = mapDocument(
    wordpress,
    fixtureDoc('wordpress/rest-posts-page-1.json'),
  ).map(plain);

  it('reads guid, GMT dates, embedded author and terms', () => {
    expect(port).toMatchObject({
      identity: 'https://levant.example.com/?p=5123',
      headline: 'مرفأ بيروت يستعيد “نصف طاقته” بعد خمس سنوات من الانفجار',
      summary: 'حركة الحاويات عادت إلى نحو نصف مستواها قبل 2020 […]',
      lang: 'ar',
      publishedAt: '2025-10-10T08:30:00Z',
      updatedAt: '2025-10-11T09:00:00Z',
      authors: ['ريما خوري'],
      categories: [
        { name: 'لبنان', slug: '%d9%84%d8%a8%d9%86%d8%a7%d9%86' },
        { name: 'Economy', slug: 'economy' },
      ],
      tags: [
        { name: 'بيروت', slug: '%d8%a8%d9%8a%d8%b1%d9%88%d8%aa' },
        { name: 'Port of Beirut', slug: 'port-of-beirut' },
      ],
    });
    expect(tourism?.slugHint).toBe('lebanon-tourism-season');
  });

  it('takes the featured media at its large size, with alt, caption and IPTC credit', () => {
    expect(port?.hero).toEqual({
      src: 'https://levant.example.com/wp-content/uploads/2025/10/beirut-port-1024x683.jpg',
      alt: 'رافعات حاويات في مرفأ بيروت',
      caption: 'رافعات في مرفأ بيروت',
      credit: 'Reuters',
      width: 1024,
      height: 683,
    });
    expect(port?.dropLines).toEqual([
      'embed (twitter.com) replaced by a link to it',
      '<form> dropped',
    ]);
  });

  it('skips posts that are not published', () => {
    const page2 = mapDocument(wordpress, fixtureDoc('wordpress/rest-posts-page-2.json'));
    expect(page2.map((d) => d.label)).toEqual(['5140']);
  });

  it('says what is missing without _embed', () => {
    const [bare] = mapDocument(wordpress, {
      name: 'x.json',
      text: JSON.stringify([
        {
          id: 1,
          link: 'https://s.example/a/',
          title: { rendered: 'أ' },
          content: { rendered: '<p>ب</p>' },
          categories: [3],
          featured_media: 9,
        },
      ]),
    });
    expect(bare?.drops.lines()).toEqual([
      'categories 3 have no names here (fetch with ?_embed)',
      'featured image 9 not embedded (fetch with ?_embed)',
    ]);
    expect(bare?.identity).toBe('https://s.example/?p=1');
  });
});

describe('mapWordPress: WXR export', () => {
  const drafts = mapDocument(wordpress, fixtureDoc('wordpress/wxr-export.xml')).map(plain);

  it('keeps published posts only, with the same identity as the REST API', () => {
    expect(drafts.map((d) => d.identity)).toEqual(['https://levant.example.com/?p=5123']);
  });

  it('resolves the author, terms and the featured attachment with its size', () => {
    expect(drafts[0]).toMatchObject({
      authors: ['ريما خوري'],
      categories: [{ name: 'لبنان' }],
      tags: [{ name: 'Port of Beirut', slug: 'port-of-beirut' }],
      publishedAt: '2025-10-10T08:30:00Z',
      hero: {
        src: 'https://levant.example.com/wp-content/uploads/2025/10/beirut-port.jpg',
        alt: 'رافعات حاويات في مرفأ بيروت',
        caption: 'رافعات في مرفأ بيروت',
        width: 2400,
        height: 1600,
      },
    });
  });

  it('turns raw post text into paragraphs, captions into figures, and reports shortcodes', () => {
    expect(drafts[0]?.body.map((b) => b.type)).toEqual([
      'paragraph',
      'image',
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(drafts[0]?.body[1]).toMatchObject({
      type: 'image',
      image: { caption: 'الأهراءات المدمرة في خلفية الصورة', width: 1024, height: 683 },
    });
    expect(drafts[0]?.dropLines).toEqual([
      'shortcode [gallery] dropped',
      'iframe embed (www.youtube.com) replaced by a link to it',
    ]);
  });

  it('leaves block-editor content and unknown bracketed text alone', () => {
    const drops = new Drops();
    expect(wpautop('<!-- wp:paragraph --><p>نص [Reuters]</p><!-- /wp:paragraph -->', drops)).toBe(
      '<!-- wp:paragraph --><p>نص [Reuters]</p><!-- /wp:paragraph -->',
    );
    expect(drops.lines()).toEqual([]);
  });
});

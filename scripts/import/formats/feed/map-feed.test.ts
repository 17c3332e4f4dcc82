// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mapDocument } from '../../shared/draft.ts';
import { fixtureDoc, plain } from '../../test/fixture-doc.ts';
import { feed } from './map-feed.ts';

describe('mapFeed: a WordPress RSS 2.0 feed with content:encoded', () => {
  const [solar, datacenters, undated] = mapDocument(feed, fixtureDoc('feed/wordpress-rss.xml')).map(
    plain,
  );

  it('reads identity, headline, dates, authors and categories', () => {
    expect(solar).toMatchObject({
      identity: 'https://alsharq.example.com/?p=10421',
      url: 'https://alsharq.example.com/2025/10/14/abu-dhabi-solar-tender/',
      slugHint: 'abu-dhabi-solar-tender',
      headline: 'مناقصة للطاقة الشمسية في أبوظبي تسجل سعراً قياسياً – 1.18 سنت',
      lang: 'ar',
      publishedAt: '2025-10-14T09:30:00+00:00',
      authors: ['سارة الحمادي'],
      categories: [{ name: 'اقتصاد' }],
      tags: [{ name: 'الطاقة' }, { name: 'Masdar' }],
    });
    expect(datacenters?.publishedAt).toBe('2025-10-13T16:45:00+03:00');
    expect(undated?.publishedAt).toBeUndefined();
  });

  it('takes the hero from media:content with its title, description and credit', () => {
    expect(solar?.hero).toEqual({
      src: 'https://alsharq.example.com/wp-content/uploads/2025/10/solar-hero.jpg',
      alt: 'ألواح شمسية تمتد في صحراء الظفرة',
      caption: 'محطة الظفرة للطاقة الشمسية قرب أبوظبي',
      credit: 'AFP',
      width: 1600,
      height: 900,
    });
  });

  it('maps content:encoded to blocks and reports what it dropped', () => {
    expect(solar?.body.map((b) => b.type)).toEqual([
      'paragraph',
      'image',
      'heading',
      'paragraph',
      'paragraph',
      'quote',
      'list',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(solar?.dropLines).toEqual([
      'embed (www.youtube.com) replaced by a link to it',
      '<script> dropped',
      'event handler onclick on <a> dropped',
      'javascript: link dropped (its text kept)',
    ]);
    expect(datacenters?.body[1]).toEqual({
      type: 'image',
      image: {
        src: 'https://alsharq.example.com/wp-content/uploads/2025/10/datacenter.jpg',
        alt: 'خوادم في مركز بيانات',
        width: 800,
        height: 533,
        caption: 'مركز بيانات في الرياض',
        credit: 'رويترز',
      },
    });
  });
});

describe('mapFeed: Atom, RSS 1.0 and JSON Feed', () => {
  it('reads Atom type="html" titles and content, and xhtml content', () => {
    const [fair, mirbad] = mapDocument(feed, fixtureDoc('feed/atom.xml')).map(plain);
    expect(fair).toMatchObject({
      identity: 'tag:rafidain.example.org,2025:post-77',
      headline: 'بغداد تفتتح معرض الكتاب بمشاركة 300 دار نشر & Penguin',
      summary: 'افتتح معرض بغداد الدولي للكتاب دورته الجديدة.',
      publishedAt: '2025-10-14T07:30:00+03:00',
      updatedAt: '2025-10-14T09:15:00+03:00',
      categories: [{ name: 'ثقافة', slug: 'culture' }],
      tags: [{ name: 'كتب', slug: 'books' }],
      hero: {
        src: 'https://rafidain.example.org/img/book-fair-thumb.jpg',
        width: 640,
        height: 360,
      },
    });
    expect(fair?.body).toContainEqual({ type: 'heading', text: 'برنامج ثقافي' });
    expect(fair?.body).toContainEqual({
      type: 'image',
      image: {
        src: 'https://rafidain.example.org/img/book-fair-hall.jpg',
        alt: 'قاعة المعرض',
        width: 1200,
        height: 800,
      },
    });
    expect(mirbad?.headline).toBe('مهرجان المربد الشعري في البصرة: 50 شاعراً & جمهور كبير');
    expect(mirbad?.body).toEqual([
      {
        type: 'paragraph',
        content: [
          'اختتم مهرجان ',
          { text: 'المربد', strong: true },
          ' الشعري دورته في البصرة بمشاركة 50 شاعراً من 12 بلداً.',
        ],
      },
      { type: 'quote', content: ['الشعر ذاكرة المدينة'], cite: 'رئيس اللجنة المنظمة' },
      {
        type: 'paragraph',
        content: [
          'وزار المشاركون ',
          {
            text: 'معرض بغداد للكتاب',
            href: 'https://rafidain.example.org/2025/10/baghdad-book-fair',
          },
          ' في ختام المهرجان.',
        ],
      },
    ]);
  });

  it('reads RSS 1.0 (RDF) with Dublin Core dates, creators and subjects', () => {
    const [aswan] = mapDocument(feed, fixtureDoc('feed/rss1-rdf.xml')).map(plain);
    expect(aswan).toMatchObject({
      identity: 'https://nile.example.net/news/aswan-dam-level',
      publishedAt: '2025-10-12T11:20:00+02:00',
      authors: ['أحمد سليمان'],
      categories: [{ name: 'مصر' }],
      tags: [{ name: 'مياه' }],
      summary: 'ارتفع منسوب المياه خلف السد العالي في أسوان.',
    });
    expect(aswan?.body[1]).toEqual({
      type: 'list',
      ordered: true,
      items: [['الفيضان أعلى من المتوسط'], ['لا خطر على القرى']],
    });
  });

  it('reads JSON Feed 1.1 content_html and content_text, scoping bare ids to the site', () => {
    const [tram, olive] = mapDocument(feed, fixtureDoc('feed/json-feed.json')).map(plain);
    expect(tram).toMatchObject({
      identity: 'https://maghreb.example.com/p/4211',
      authors: ['يوسف بنعلي'],
      categories: [{ name: 'المغرب' }],
      tags: [{ name: 'نقل' }, { name: 'Rabat' }],
      publishedAt: '2025-10-11T10:00:00+01:00',
    });
    expect(tram?.body[1]).toMatchObject({
      type: 'image',
      image: { caption: 'الترامواي في شارع محمد الخامس', credit: 'MAP' },
    });
    expect(olive?.identity).toBe('https://maghreb.example.com/#4212');
    expect(olive?.body).toEqual([
      {
        type: 'paragraph',
        content: ['تتوقع وزارة الفلاحة التونسية إنتاج 340 ألف طن من زيت الزيتون هذا الموسم.'],
      },
      { type: 'paragraph', content: ['ويعود الارتفاع إلى أمطار الربيع الغزيرة.'] },
    ]);
  });
});

describe('mapFeed: hostile and broken feeds', () => {
  const doc = (text: string) => ({ name: 'x.xml', text });

  it('refuses XML external entities and entity-expansion bombs before parsing', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>';
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;
    expect(() => mapDocument(feed, doc(xxe))).toThrow(
      /refused: the DOCTYPE declares an internal subset/,
    );
    expect(() => mapDocument(feed, doc(bomb))).toThrow(
      /refused: the DOCTYPE declares an internal subset/,
    );
  });

  it('names malformed XML and JSON by line and column', () => {
    expect(() =>
      mapDocument(
        feed,
        doc('<rss version="2.0"><channel>\n<item><title>أ</titl></item></channel></rss>'),
      ),
    ).toThrow(/malformed XML at line 2, column \d+: Expected closing tag 'title'/);
    expect(() =>
      mapDocument(
        feed,
        doc('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "items": [,]\n}'),
      ),
    ).toThrow('invalid JSON at line 3, column 13: a value was expected');
  });

  it('says when a document is not a feed', () => {
    expect(() => mapDocument(feed, doc('<html><body>صفحة</body></html>'))).toThrow(
      /not an RSS, RDF, Atom or JSON feed/,
    );
  });

  it('reads 20,000 nested XML elements without overflowing the stack', () => {
    const deep = `<rss version="2.0"><channel><item><title>t</title><description>${'<x>'.repeat(20_000)}${'</x>'.repeat(20_000)}</description></item></channel></rss>`;
    let outcome: string;
    try {
      outcome = `${mapDocument(feed, doc(deep)).length} items`;
    } catch (error) {
      outcome = (error as Error).message;
    }
    expect(outcome).toMatch(
      /^(1 items|refused: nested too deeply to read|refused: XML nested too deeply to read)$/,
    );
  }, 30_000);
});

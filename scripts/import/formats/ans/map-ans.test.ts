// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mapDocument } from '../../shared/draft.ts';
import { fixtureDoc, plain } from '../../test/fixture-doc.ts';
import { ans } from './map-ans.ts';

describe('mapAns: Content API results with two ANS stories', () => {
  const [kuwait, aramco] = mapDocument(
    ans,
    fixtureDoc('ans/content-api-search.json', 'https://gulfdaily.example.com'),
  ).map(plain);

  it('reads _id, sections, tags, credits, distributor and dates', () => {
    expect(kuwait).toMatchObject({
      identity: 'ans:ABCD1234EFGH5678IJKL9012MN',
      url: 'https://gulfdaily.example.com/world/2025/10/14/kuwait-oil-output-opec/',
      slugHint: 'kuwait-oil-output-opec',
      headline: 'الكويت ترفع إنتاجها النفطي بعد قرار OPEC+ الأخير',
      summary: 'زيادة قدرها 40 ألف برميل يومياً تبدأ في تشرين الثاني/نوفمبر.',
      categories: [{ name: 'العالم', slug: 'world' }],
      tags: [
        { name: 'طاقة', slug: 'economy-energy' },
        { name: 'النفط', slug: 'oil' },
        { name: 'OPEC+', slug: 'opec' },
        { name: 'الكويت' },
      ],
      authors: ['فهد العنزي'],
      source: 'كونا',
      publishedAt: '2025-10-14T06:00:00.000Z',
      updatedAt: '2025-10-14T08:12:30.120Z',
    });
  });

  it('takes the hero from promo_items with caption and credits', () => {
    expect(kuwait?.hero).toEqual({
      src: 'https://cloudfront-eu-central-1.images.arcpublishing.com/gulfdaily/IMG1.jpg',
      alt: 'منصة نفطية في الخليج',
      caption: 'منصة نفطية قبالة سواحل الكويت',
      credit: 'Yasser Al-Zayyat، AFP',
      width: 1920,
      height: 1080,
    });
    expect(aramco?.hero).toBeUndefined();
    expect(aramco?.dropLines).toEqual(['promo item of type video dropped']);
  });

  it('maps content_elements, link_list and related_content, and reports the rest', () => {
    expect(kuwait?.body.map((b) => b.type)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'quote',
      'list',
      'image',
      'paragraph',
      'readAlso',
    ]);
    expect(kuwait?.body.at(-1)).toEqual({
      type: 'readAlso',
      items: [
        {
          url: 'https://gulfdaily.example.com/world/2025/10/13/saudi-aramco-prices/',
          title: 'أرامكو تخفض أسعار البيع لآسيا',
        },
        {
          url: 'https://www.iea.org/reports/oil-2025',
          title: 'تقرير وكالة الطاقة الدولية Oil 2025',
        },
      ],
    });
    expect(kuwait?.related).toEqual([
      {
        identity: 'ans:QRST3456UVWX7890YZAB1234CD',
        url: 'https://gulfdaily.example.com/world/2025/10/13/saudi-aramco-prices/',
        title: 'أرامكو تخفض أسعار البيع لآسيا',
      },
      { identity: 'ans:ZZZZ0000ZZZZ0000ZZZZ0000ZZ' },
    ]);
    expect(kuwait?.dropLines).toEqual([
      'youtube embed (www.youtube.com) replaced by a link to it',
      'raw_html element dropped',
      'table element dropped',
    ]);
  });

  it('says when a document holds no story', () => {
    expect(() => mapDocument(ans, { name: 'x.json', text: '{"type":"gallery"}' })).toThrow(
      /no ANS story here/,
    );
  });
});

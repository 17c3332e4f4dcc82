// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mapDocument } from '../../shared/draft.ts';
import { fixtureDoc, plain } from '../../test/fixture-doc.ts';
import { optimo } from './map-optimo.ts';

describe('mapOptimo: BBC Arabic articles', () => {
  const [heat] = mapDocument(optimo, fixtureDoc('optimo/c4g5yz7n2kmo.json')).map(plain);
  const [drought] = mapDocument(optimo, fixtureDoc('optimo/cx2ke8pl9v0o.json')).map(plain);

  it('reads metadata, promo headline and summary, byline, topics and about tags', () => {
    expect(heat).toMatchObject({
      identity: 'bbc-optimo:c4g5yz7n2kmo',
      url: 'https://www.bbc.com/arabic/articles/c4g5yz7n2kmo',
      headline: 'موجة حر غير مسبوقة تضرب العراق وتتجاوز 52 درجة مئوية',
      summary: 'درجات الحرارة في البصرة تسجل رقماً قياسياً جديداً لشهر أكتوبر.',
      lang: 'ar',
      publishedAt: '2025-10-14T07:00:00.000Z',
      updatedAt: '2025-10-14T09:00:00.000Z',
      authors: ['علي الحسيني'],
      categories: [{ name: 'أخبار' }],
      tags: [
        { name: 'الشرق الأوسط' },
        { name: 'البيئة' },
        { name: 'تغير المناخ' },
        { name: 'COP30' },
      ],
    });
  });

  it('reads { data: { article } } too', () => {
    expect(drought).toMatchObject({
      identity: 'bbc-optimo:cx2ke8pl9v0o',
      headline: 'الجفاف يهدد الأهوار في جنوب العراق',
    });
  });

  it('maps image blocks to ichef addresses with alt, caption and credit', () => {
    expect(heat?.body[0]).toEqual({
      type: 'image',
      image: {
        src: 'https://ichef.bbci.co.uk/ace/ws/976/cpsprodpb/1d2e/live/6f0c8a30-a8f1-11f0-9d4c-basra-heat.jpg',
        width: 976,
        height: 549,
        alt: 'رجل يرش الماء على وجهه في شارع بالبصرة',
        caption: 'سكان البصرة يلجأون إلى المياه للتخفيف من الحر',
        credit: 'Reuters',
      },
    });
    expect(drought?.body[1]).toMatchObject({
      type: 'image',
      image: {
        src: 'https://ichef.bbci.co.uk/ace/ws/800/cpsprodpb/7a8b/live/marshes-drought.jpg',
        width: 800,
        height: 450,
      },
    });
  });

  it('maps nested text → paragraph → fragment (bold → strong, italic → plain) and urlLink', () => {
    expect(heat?.body[1]).toEqual({
      type: 'paragraph',
      content: [
        'سجلت مدينة ',
        { text: 'البصرة', strong: true },
        ' جنوبي العراق درجة حرارة بلغت 52.3 درجة مئوية، بحسب هيئة الأنواء الجوية (',
        { text: 'IMD', href: 'https://www.meteoseism.gov.iq/' },
        ').',
      ],
    });
    expect(heat?.body[2]).toMatchObject({
      content: [
        'ويقول خبراء إن ظاهرة الاحترار تتسارع في المنطقة، كما ورد في ',
        { text: 'تقريرنا عن الجفاف' },
        '.',
      ],
    });
    expect(heat?.body.map((b) => b.type)).toEqual([
      'image',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'list',
      'paragraph',
      'readAlso',
    ]);
  });

  it('maps links blocks to read-also, relatedContent to related, and reports video', () => {
    expect(heat?.body.at(-1)).toEqual({
      type: 'readAlso',
      items: [
        {
          identity: 'bbc-optimo:cx2ke8pl9v0o',
          url: 'https://www.bbc.com/arabic/articles/cx2ke8pl9v0o',
          title: 'الجفاف يهدد الأهوار في جنوب العراق',
        },
        {
          url: 'https://www.bbc.co.uk/news/world-middle-east-99999999',
          title: 'Iraq heatwave explained',
        },
      ],
    });
    expect(heat?.related).toEqual([
      {
        identity: 'bbc-optimo:cx2ke8pl9v0o',
        url: 'https://www.bbc.com/arabic/articles/cx2ke8pl9v0o',
        title: 'الجفاف يهدد الأهوار',
      },
      {
        url: 'https://www.bbc.com/arabic/middleeast-60000001',
        title: 'العراق: أزمة المياه تتفاقم',
      },
    ]);
    expect(heat?.dropLines).toEqual([
      'video block dropped',
      'social block (twitter.com) replaced by a link to it',
    ]);
  });

  it('walks text blocks nested 50,000 deep without recursion', () => {
    const depth = 50_000;
    const block = `${'{"type":"text","model":{"blocks":['.repeat(depth)}{"type":"paragraph","model":{"blocks":[{"type":"fragment","model":{"text":"عميق","attributes":[]}}]}}${']}}'.repeat(depth)}`;
    const text = `{"metadata":{"id":"urn:bbc:ares::article:c0000000000o","firstPublished":1},"promo":{"headlines":{"seoHeadline":"ع"}},"content":{"model":{"blocks":[${block}]}}}`;
    const [deep] = mapDocument(optimo, { name: 'deep.json', text });
    expect(deep?.body).toEqual([{ type: 'paragraph', content: ['عميق'] }]);
  });
});

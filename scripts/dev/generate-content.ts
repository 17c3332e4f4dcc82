// `npm run content:generate -- --count 20000 [--out DIR] [--seed N]`: writes a synthetic,
// schema-valid content folder for scale tests. Deterministic: one seed, one corpus.
// Hero photos are a handful copied from content/media/photos, reused by many stories,
// so the build makes renditions once per file however large the corpus.
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleInput, Section } from '#content/article-schema.ts';
import { mapLimit } from '../build/content/map-limit.ts';

type Block = ArticleInput['body'][number];
type Inline = string | { text: string; href?: string; strong?: true };

export const SECTIONS: Section[] = [
  { id: 'world', name: 'العالم' },
  { id: 'middle-east', name: 'الشرق الأوسط' },
  { id: 'economy', name: 'اقتصاد' },
  { id: 'sport', name: 'رياضة' },
  { id: 'culture', name: 'ثقافة' },
  { id: 'science', name: 'علوم' },
  { id: 'opinion', name: 'رأي' },
];

const TAGS: [string, string][] = [
  ['energy', 'طاقة'],
  ['oil', 'نفط'],
  ['climate', 'المناخ'],
  ['elections', 'انتخابات'],
  ['football', 'كرة القدم'],
  ['health', 'صحة'],
  ['education', 'تعليم'],
  ['technology', 'تكنولوجيا'],
  ['space', 'الفضاء'],
  ['cinema', 'سينما'],
  ['books', 'كتب'],
  ['trade', 'تجارة'],
  ['markets', 'أسواق'],
  ['water', 'المياه'],
  ['agriculture', 'زراعة'],
  ['tourism', 'سياحة'],
  ['transport', 'نقل'],
  ['diplomacy', 'دبلوماسية'],
  ['refugees', 'لاجئون'],
  ['women', 'المرأة'],
  ['youth', 'الشباب'],
  ['music', 'موسيقى'],
  ['archaeology', 'آثار'],
  ['ai', 'الذكاء الاصطناعي'],
  ['olympics', 'الألعاب الأولمبية'],
  ['housing', 'إسكان'],
  ['banks', 'مصارف'],
  ['desert', 'الصحراء'],
  ['sea', 'البحر'],
  ['cities', 'مدن'],
];

const WORDS = `الحكومة الوزير المدينة العاصمة الاقتصاد السوق الشركة المشروع البرلمان الرئيس
الشعب المواطنين الطلاب المدارس الجامعة المستشفى الأطباء المرضى الطريق الجسر الميناء المطار
القطار الكهرباء الماء النفط الغاز الشمس الرياح المطر الصيف الشتاء الربيع الخريف العام الشهر
الأسبوع اليوم أمس غداً قال أعلن أكد أوضح أشار أضاف كشف ذكر نقل رأى بدأ انتهى ارتفع انخفض
تراجع زاد نما توقع قرر وافق رفض دعا طالب حذر اتفق التقى زار افتتح أطلق نشر بحث درس جديد
كبير صغير مهم واسع سريع بطيء قريب بعيد أول آخر عدد نسبة مليون ألف مئة في من إلى على عن
مع بعد قبل خلال بين حول منذ حتى لدى عند هذا هذه ذلك التي الذي الذين كما لكن أيضاً حيث
بينما إذ إن أن لم لن قد ما لا نحو تقرير دراسة مؤتمر اجتماع اتفاق قرار خطة برنامج مبادرة
حملة مشروعات استثمار تمويل ميزانية ضرائب أسعار رواتب وظائف صادرات واردات شبكة منصة تطبيق
بيانات معلومات نتائج أرقام مؤشر فريق مباراة بطولة هدف لاعب مدرب جمهور ملعب كأس فيلم مسرح
معرض كتاب رواية شاعر فنان مهرجان جائزة متحف تاريخ تراث علماء باحثون تجربة اكتشاف فضاء
كوكب قمر نجم بحر نهر صحراء جبل غابة حديقة سكان قرية حي منطقة محافظة إقليم دولة دول العالم`
  .split(/\s+/)
  .filter(Boolean);

/** Letters for made-up words: real news has tens of thousands of rare words and names. */
const CONSONANTS = [...'بتثجحخدذرزسشصضطظعغفقكلمنهء'];
const VOWELS = ['ا', 'و', 'ي', '', '', ''];
const PREFIXES = ['', '', '', '', 'ال', 'ال', 'و', 'وال', 'بال', 'لل'];
const SUFFIXES = ['', '', '', '', 'ة', 'ات', 'ي', 'ية', 'ون', 'ين'];
const RARE_WORDS = 60_000;
/** Zipf's exponent for word frequencies: about 1 in news text. */
const ZIPF = 1.05;

/**
 * The vocabulary and a sampler of it by Zipf's law: the common words above first, then
 * made-up rare words and names, so the number of distinct words and how often each
 * occurs grow with the corpus as in real news, not a few hundred words in every story.
 */
function vocabulary(random: () => number): () => string {
  const rare = new Set<string>();
  while (rare.size < RARE_WORDS) {
    let word = '';
    for (let n = 2 + Math.floor(random() * 3); n > 0; n--) {
      word += CONSONANTS[Math.floor(random() * CONSONANTS.length)];
      word += VOWELS[Math.floor(random() * VOWELS.length)];
    }
    if (!word.startsWith('ء')) rare.add(word);
  }
  const words = [...WORDS, ...rare];
  const cumulative: number[] = [];
  let total = 0;
  words.forEach((_, rank) => {
    total += 1 / (rank + 1) ** ZIPF;
    cumulative.push(total);
  });
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    const word = words[lo] as string;
    if (lo < WORDS.length) return word;
    return (
      PREFIXES[Math.floor(random() * PREFIXES.length)] +
      word +
      SUFFIXES[Math.floor(random() * SUFFIXES.length)]
    );
  };
}

const NAMES = ['سارة أحمد', 'محمد علي', 'ليلى حسن', 'عمر خالد', 'نور الهدى', 'يوسف سليم'];
const PLACES = ['القاهرة', 'بيروت', 'الرباط', 'عمّان', 'الدوحة', 'تونس', 'بغداد', 'موسكو', 'لندن'];
const SOURCES = ['الشرق', 'وكالة الأنباء', 'مكتب التحرير', 'قارئ'];

/** mulberry32: small, fast and good enough to vary synthetic text. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type GenerateOptions = { count: number; out: string; seed?: number; photosDir?: string };
export type GenerateResult = { dir: string; stories: number; photos: number };

const TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000;
const START_MS = Date.UTC(2024, 2, 1);

/** `2024-03-01T12:34:56+03:00`: the wall-clock time in Arabia Standard Time. */
function isoAt(ms: number): string {
  return `${new Date(ms + 3 * 3600 * 1000).toISOString().slice(0, 19)}+03:00`;
}

export const storyId = (i: number) => `story-${String(i + 1).padStart(6, '0')}`;

export async function generateContent(options: GenerateOptions): Promise<GenerateResult> {
  const { count, out, seed = 1 } = options;
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pickOne = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number) => random() < p;
  const word = vocabulary(random);
  const words = (min: number, max: number) => Array.from({ length: int(min, max) }, word).join(' ');
  const sentence = () => `${words(6, 16)}${pickOne(['.', '.', '.', '،', '؟'])}`;

  await mkdir(path.join(out, 'articles'), { recursive: true });
  await writeFile(path.join(out, 'sections.json'), `${JSON.stringify(SECTIONS, null, 2)}\n`);
  const photos = await copyPhotos(options.photosDir ?? path.resolve('content/media/photos'), out);

  const inlines = (): Inline[] => {
    const runs: Inline[] = [];
    for (let s = int(2, 5); s > 0; s--) {
      runs.push(`${sentence()} `);
      if (chance(0.15)) runs.push({ text: words(1, 3), strong: true }, ' ');
      if (chance(0.1)) {
        const href = chance(0.5)
          ? `/section/${pickOne(SECTIONS).id}`
          : 'https://example.com/report';
        runs.push({ text: words(1, 4), href }, ' ');
      }
    }
    return runs;
  };
  const photo = () => {
    const file = pickOne(photos);
    return {
      src: `media/photos/${file}`,
      alt: words(3, 8),
      ...(chance(0.7) ? { caption: words(4, 12) } : {}),
      ...(chance(0.5) ? { credit: pickOne(SOURCES) } : {}),
    };
  };

  const step = TWO_YEARS_MS / Math.max(1, count);
  const stories = Array.from({ length: count }, (_, i) => i);
  // Each story's text comes from the shared generator in order, so writes can run in parallel
  // only after the JSON is made: build the next batch, then write it.
  const BATCH = 500;
  for (let from = 0; from < count; from += BATCH) {
    const batch = stories.slice(from, from + BATCH).map((i) => {
      const id = storyId(i);
      const published = START_MS + i * step + Math.floor(random() * step * 0.9);
      const body: Block[] = [];
      for (let b = int(4, 12); b > 0; b--) {
        const kind = random();
        if (kind < 0.55) body.push({ type: 'paragraph', content: inlines() });
        else if (kind < 0.67) body.push({ type: 'heading', text: words(2, 6) });
        else if (kind < 0.77)
          body.push({
            type: 'quote',
            content: [sentence()],
            ...(chance(0.7) ? { cite: pickOne(NAMES) } : {}),
          });
        else if (kind < 0.87)
          body.push({
            type: 'list',
            ordered: chance(0.4),
            items: Array.from({ length: int(2, 5) }, () => [words(3, 9)]),
          });
        else if (kind < 0.93 && photos.length > 0) body.push({ type: 'image', image: photo() });
        else if (i > 0) {
          const items: ({ id: string } | { url: string; title: string })[] = Array.from(
            { length: int(1, 3) },
            () => ({ id: storyId(int(Math.max(0, i - 400), i - 1)) }),
          );
          if (chance(0.3)) items.push({ url: 'https://example.org/archive', title: words(3, 7) });
          body.push({ type: 'readAlso', items });
        } else body.push({ type: 'paragraph', content: inlines() });
      }
      if (body[0]?.type !== 'paragraph') body.unshift({ type: 'paragraph', content: inlines() });
      const tagCount = chance(0.15) ? 0 : int(1, 3);
      const tags = new Map<string, string>();
      while (tags.size < tagCount) {
        const [tagId, name] = pickOne(TAGS);
        tags.set(tagId, name);
      }
      const article: ArticleInput = {
        schemaVersion: 1,
        id,
        ...(chance(0.05) ? { lang: 'ar' } : {}),
        headline: words(5, 14),
        ...(chance(0.85) ? { summary: `${words(12, 30)}.` } : {}),
        section: pickOne(SECTIONS).id,
        ...(tags.size > 0 ? { tags: [...tags].map(([tagId, name]) => ({ id: tagId, name })) } : {}),
        publishedAt: isoAt(published),
        ...(chance(0.2) ? { updatedAt: isoAt(published + int(10, 600) * 60_000) } : {}),
        ...(chance(0.6) ? { dateline: pickOne(PLACES) } : {}),
        ...(chance(0.5) ? { source: pickOne(SOURCES) } : {}),
        ...(chance(0.4) ? { authors: [pickOne(NAMES)] } : {}),
        ...(chance(0.02) ? { breaking: true } : {}),
        ...(photos.length > 0 && chance(0.6) ? { hero: photo() } : {}),
        body,
      };
      if (i > 5 && chance(0.1)) {
        const related = new Set(Array.from({ length: int(2, 4) }, () => storyId(int(0, i - 1))));
        article.related = [...related];
      }
      return article;
    });
    await mapLimit(batch, 64, (article) =>
      writeFile(path.join(out, 'articles', `${article.id}.json`), JSON.stringify(article, null, 2)),
    );
  }
  return { dir: out, stories: count, photos: photos.length };
}

/** A handful of real photos, so renditions and sizes come from real files. */
async function copyPhotos(from: string, out: string): Promise<string[]> {
  const target = path.join(out, 'media', 'photos');
  await mkdir(target, { recursive: true });
  let names: string[] = [];
  try {
    names = (await readdir(from)).filter((n) => /\.(jpe?g|png|webp)$/i.test(n)).sort();
  } catch {
    // No demo photos: the corpus simply has no local images.
  }
  const chosen = names.slice(0, 6);
  await Promise.all(chosen.map((name) => copyFile(path.join(from, name), path.join(target, name))));
  return chosen;
}

export function parseArgs(argv: readonly string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) args[arg.slice(2)] = 'true';
    else {
      args[arg.slice(2)] = next;
      i++;
    }
  }
  return args;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = parseArgs(process.argv.slice(2));
  const count = Number(args.count ?? 1000);
  if (!Number.isInteger(count) || count < 1) {
    console.error('--count must be a positive whole number');
    process.exit(1);
  }
  const out = args.out
    ? path.resolve(args.out)
    : await mkdtemp(path.join(os.tmpdir(), 'qari-content-'));
  const started = performance.now();
  const result = await generateContent({ count, out, seed: Number(args.seed ?? 1) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Wrote ${result.stories} stories and ${result.photos} photos in ${seconds} s to:\n${result.dir}`,
  );
}

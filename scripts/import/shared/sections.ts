// Which section a story goes to: the first source category, or where the mapping file
// (`--sections map.json`) sends it; the categories not used become tags. sections.json
// is merged: existing sections are kept as they are, new ones are added after them.
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { type Section, SectionSchema, Slug } from '#content/article-schema.ts';
import { parseJson } from '#scripts/build/content/parse-json.ts';
import { InputError, type Term } from './draft.ts';
import { termSlug } from './ids.ts';
import { isRec } from './pick.ts';

/** Where stories without any category go when the map names no "*". */
export const DEFAULT_SECTION: Section = { id: 'news', name: 'أخبار' };

export type SectionMap = { byCategory: Map<string, Section>; fallback?: Section };

const key = (text: string) => termSlug(text) ?? text.trim().toLowerCase();

/**
 * `{ "<source category>": { "id", "name" } | "<section id>", "*": … }`: a category (by name
 * or slug) → a section; "*" takes every category the map does not name.
 */
export async function loadSectionMap(
  file: string,
  existing: readonly Section[],
): Promise<SectionMap> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError(`${file}: cannot read the sections map`);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) throw new InputError(`${file}: ${parsed.message}`);
  if (!isRec(parsed.value))
    throw new InputError(`${file}: must be an object of category → section`);
  const defined = new Map(existing.map((s) => [s.id, s]));
  const entries = Object.entries(parsed.value);
  for (const [category, target] of entries) {
    if (typeof target === 'string') continue;
    const result = v.safeParse(SectionSchema, target);
    if (!result.success) {
      throw new InputError(
        `${file}: "${category}": must be { "id", "name" } or a section id (${result.issues[0].message})`,
      );
    }
    if (!defined.has(result.output.id)) defined.set(result.output.id, result.output);
  }
  const map: SectionMap = { byCategory: new Map() };
  for (const [category, target] of entries) {
    let section: Section | undefined;
    if (typeof target === 'string') {
      if (!v.is(Slug, target))
        throw new InputError(`${file}: "${category}": "${target}" is not a section id`);
      section = defined.get(target);
      if (!section) {
        throw new InputError(
          `${file}: "${category}": section "${target}" is neither in sections.json nor defined in the map`,
        );
      }
    } else section = defined.get((target as Section).id);
    if (!section) continue;
    if (category === '*') map.fallback = section;
    else map.byCategory.set(key(category), section);
  }
  return map;
}

export class SectionResolver {
  private readonly known: Map<string, Section>;
  private readonly added: Section[] = [];

  constructor(
    private readonly existing: readonly Section[],
    private readonly map: SectionMap = { byCategory: new Map() },
  ) {
    this.known = new Map(existing.map((s) => [s.id, s]));
  }

  /** The section for a story's categories, and the categories left over (they become tags). */
  resolve(categories: readonly Term[]): { section: Section; rest: Term[] } {
    const mappedAt = categories.findIndex(
      (c) =>
        this.map.byCategory.has(key(c.name)) || (c.slug && this.map.byCategory.has(key(c.slug))),
    );
    if (mappedAt >= 0) {
      const c = categories[mappedAt] as Term;
      const section = (this.map.byCategory.get(key(c.name)) ??
        this.map.byCategory.get(key(c.slug ?? ''))) as Section;
      return { section: this.use(section), rest: categories.filter((_, i) => i !== mappedAt) };
    }
    if (this.map.fallback) return { section: this.use(this.map.fallback), rest: [...categories] };
    for (const [i, c] of categories.entries()) {
      const id = termSlug(c.slug ?? '') ?? termSlug(c.name);
      if (id)
        return {
          section: this.use({ id, name: c.name }),
          rest: categories.filter((_, j) => j !== i),
        };
    }
    return { section: this.use(DEFAULT_SECTION), rest: [...categories] };
  }

  /** An existing section keeps its name; a new one is added once. */
  private use(section: Section): Section {
    const known = this.known.get(section.id);
    if (known) return known;
    this.known.set(section.id, section);
    this.added.push(section);
    return section;
  }

  /** sections.json after the run: the existing list, then the sections this run added. */
  merged(): { sections: Section[]; added: Section[] } {
    return { sections: [...this.existing, ...this.added], added: [...this.added] };
  }
}

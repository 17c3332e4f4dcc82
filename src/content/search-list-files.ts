// A word's posting list too long to inline in its term chunk: a head file (its heaviest
// postings, naming its tail's blocks) and the tail's blocks, cut where the postings say
// (search-index-layout.ts, tailCuts). Made whole by a build; updated by a publish, which
// reads and rewrites only the blocks its postings land in (docs/search.md, «Updates»).
import { getOrAdd } from './get-or-add.ts';
import {
  byImpact,
  decodePostings,
  decodeTail,
  encodePostings,
  encodeTail,
  HEAD_POSTINGS,
  HEAD_SLACK,
  listCount,
  type PostingList,
  postingKey,
  SEARCH_INDEX_VERSION,
  searchPaths,
  startsBlock,
  TAIL_BLOCK,
  type TailBlock,
  tailCuts,
} from './search-index-layout.ts';

export type SearchFile = { path: string; payload: unknown };
/** Reads a file the index wrote before (its parsed JSON), or undefined when there is none. */
export type ReadSearchFile = (path: string) => unknown;

/**
 * How a long list is cut: the postings its head holds at least, how many more on average
 * (`slack`, which divides `block`), and a tail block's average size (tests make them small).
 */
export type ListShape = { head: number; slack: number; block: number };
export const LIST_SHAPE: ListShape = { head: HEAD_POSTINGS, slack: HEAD_SLACK, block: TAIL_BLOCK };

/** Where a list's head ends (impact order): its first posting past `shape.head` that starts a block of `shape.slack`, else its end. */
function headEnd(packed: readonly number[], shape: ListShape): number {
  for (let i = shape.head; i < packed.length; i++) {
    if (startsBlock(packed[i] as number, shape.slack)) return i;
  }
  return packed.length;
}

/** A list's head file: its heaviest postings, and its tail's blocks by first posting and size. */
function headFile(
  surface: string,
  head: readonly number[],
  tail: readonly TailBlock[],
): SearchFile {
  const payload: PostingList = { v: SEARCH_INDEX_VERSION, postings: encodePostings(head) };
  if (tail.length > 0) payload.tail = tail.map(([first, size]) => [first, size]);
  return { path: searchPaths.list(surface), payload };
}

/** A tail block's file (its postings, impact order, as encodeTail writes them), named by its first posting. */
function blockFile(surface: string, block: readonly number[]): SearchFile {
  const payload: PostingList = { v: SEARCH_INDEX_VERSION, postings: encodeTail(block) };
  return { path: searchPaths.tail(surface, block[0] as number), payload };
}

const fenceOf = (block: readonly number[]): TailBlock => [block[0] as number, block.length];

/** A tail (impact order) cut into its blocks. */
const tailBlocks = (tail: readonly number[], shape: ListShape): number[][] =>
  tailCuts(tail, shape.block).map(([start, end]) => tail.slice(start, end));

/** A long list's files (given in impact order): its head, then each block of its tail. */
export function listFiles(
  surface: string,
  packed: readonly number[],
  shape: ListShape,
): SearchFile[] {
  const end = headEnd(packed, shape);
  const blocks = tailBlocks(packed.slice(end), shape);
  return [
    headFile(surface, packed.slice(0, end), blocks.map(fenceOf)),
    ...blocks.map((block) => blockFile(surface, block)),
  ];
}

/** A list file's postings in impact order (a block is written newest first). */
const blockPostings = (file: PostingList): number[] =>
  [...decodeTail(file.postings)].sort(byImpact);

/**
 * Every posting of a long list as its files hold them, and those files: the head, the
 * blocks it names and, given `folder` (a publish completing a killed one), every other
 * block file of the word (a killed update may have written blocks no head names yet).
 */
export function readWholeList(
  surface: string,
  read: ReadSearchFile,
  folder?: (surface: string) => string[],
): { packed: number[]; files: string[] } {
  const packed: number[] = [];
  const files: string[] = [];
  const head = read(searchPaths.list(surface)) as PostingList | undefined;
  if (head) {
    files.push(searchPaths.list(surface));
    packed.push(...decodePostings(head.postings));
  }
  const blocks = new Set((head?.tail ?? []).map(([first]) => searchPaths.tail(surface, first)));
  for (const path of folder?.(surface) ?? []) blocks.add(path);
  for (const path of blocks) {
    const block = read(path) as PostingList | undefined;
    if (!block) continue;
    files.push(path);
    for (const p of decodeTail(block.postings)) packed.push(p);
  }
  return { packed, files };
}

/** A posting found where it should not be, or not found where it should: the list must be read whole. */
class ListMismatch extends Error {}

/** A long list's files made again: its count before (`was`) and after. */
export type ListUpdate = { was: number; count: number; write: SearchFile[]; remove: string[] };

/**
 * A long list's files updated for postings dropped and added (both exact: a story's key
 * and its weight), reading only the blocks they land in and the head: a posting changes
 * its own block alone, or two (a block's first posting dropped joins it to the block
 * before; one that starts a block splits one), and the head takes from or gives to the
 * tail's first block. Null when the list cannot be updated so (its files do not hold
 * exactly the postings the index says; it would fall to its head alone; or a head with no
 * tail would need one): the caller reads it whole.
 */
export function updateListFiles(
  surface: string,
  drop: readonly number[],
  add: readonly number[],
  read: ReadSearchFile,
  shape: ListShape,
): ListUpdate | null {
  const head = read(searchPaths.list(surface)) as PostingList | undefined;
  if (!head) return null;
  try {
    return updateLoaded(
      surface,
      decodePostings(head.postings),
      head.tail ?? [],
      drop,
      add,
      read,
      shape,
    );
  } catch (error) {
    if (error instanceof ListMismatch) return null;
    throw error;
  }
}

function updateLoaded(
  surface: string,
  headPostings: number[],
  fences: readonly TailBlock[],
  drop: readonly number[],
  add: readonly number[],
  read: ReadSearchFile,
  shape: ListShape,
): ListUpdate | null {
  // Blocks by index: 0 the head, i the tail's i-th (fences[i - 1]).
  const loaded = new Map<number, number[]>([[0, headPostings]]);
  const load = (i: number): number[] => {
    let block = loaded.get(i);
    if (!block) {
      const file = read(searchPaths.tail(surface, (fences[i - 1] as TailBlock)[0])) as
        | PostingList
        | undefined;
      if (!file) throw new ListMismatch();
      block = blockPostings(file);
      if (block.length !== (fences[i - 1] as TailBlock)[1]) throw new ListMismatch();
      loaded.set(i, block);
    }
    return block;
  };
  // The block a posting is or goes in: the last whose first posting is not after it (0:
  // before the tail's first, so in the head's reach).
  const blockOf = (packed: number): number => {
    let low = 0;
    let high = fences.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (byImpact((fences[mid] as TailBlock)[0], packed) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const touched = new Set<number>();
  const dropIn = new Map<number, Set<number>>();
  for (const p of drop) {
    const i = blockOf(p);
    touched.add(i);
    // Its block's first: the rest of the block joins the one before, unless it starts one.
    if (i > 0 && (fences[i - 1] as TailBlock)[0] === p) touched.add(i - 1);
    getOrAdd(dropIn, i, () => new Set<number>()).add(p);
  }
  const addIn = new Map<number, number[]>();
  for (const p of add) {
    const i = blockOf(p);
    touched.add(i);
    getOrAdd(addIn, i, () => []).push(p);
  }

  // Each touched block with its drops and adds, in impact order.
  const was = listCount(headPostings.length, fences);
  let count = was;
  const changed = new Map<number, number[]>();
  for (const i of touched) {
    const gone = dropIn.get(i);
    const kept = gone ? load(i).filter((p) => !gone.has(p)) : load(i);
    if (gone && load(i).length - kept.length !== gone.size) throw new ListMismatch();
    const added = addIn.get(i) ?? [];
    for (const p of added) {
      // A story already in the list: the list is not what the index says.
      if (kept.some((q) => postingKey(q) === postingKey(p))) throw new ListMismatch();
    }
    count += added.length - (gone?.size ?? 0);
    changed.set(i, added.length > 0 ? [...kept, ...added].sort(byImpact) : kept);
  }
  if (count <= shape.head) return null;

  // Runs of touched blocks side by side, each cut again: a run from the head fills the
  // head first (taking blocks after it while it is short), the tail's blocks start at
  // its first posting and at each posting that starts one.
  const order = [...changed.keys()].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const i of order) {
    const run = runs.at(-1);
    if (run && run.at(-1) === i - 1) run.push(i);
    else runs.push([i]);
  }
  const newFences: (TailBlock[] | null)[] = fences.map(() => null); // per old block: what replaces it
  const write: SearchFile[] = [];
  const remove: string[] = [];
  let newHead = headPostings;
  const replaced = new Set<number>();
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r] as number[];
    const postings: number[] = [];
    for (const i of run) postings.push(...(changed.get(i) as number[]));
    let tail = postings;
    if (run[0] === 0) {
      // The blocks after the run, a next run's included, as changed.
      const takeNext = () => {
        const next = (run.at(-1) as number) + 1;
        if (runs[r + 1]?.[0] === next) {
          for (const i of runs[r + 1] as number[]) postings.push(...(changed.get(i) as number[]));
          run.push(...(runs.splice(r + 1, 1)[0] as number[]));
        } else {
          postings.push(...load(next));
          run.push(next);
        }
      };
      // Short of a full head: the blocks after it.
      while (postings.length < shape.head && (run.at(-1) as number) < fences.length) takeNext();
      // The head ends where its postings say; past the run, at the next block's first
      // posting (it would end a head too). Ended inside the run, the rest joins the next
      // block, cut again with it.
      const end = headEnd(postings, shape);
      if (end < postings.length && run.length === 1 && fences.length > 0) takeNext();
      newHead = postings.slice(0, end);
      tail = postings.slice(end);
    }
    const blocks = tailBlocks(tail, shape);
    const tailRun = run.filter((i) => i > 0);
    for (const i of tailRun) {
      replaced.add(i);
      remove.push(searchPaths.tail(surface, (fences[i - 1] as TailBlock)[0]));
    }
    // The run's new blocks stand in its first tail block's place.
    const at = tailRun[0];
    if (at !== undefined) newFences[at - 1] = blocks.map(fenceOf);
    else if (blocks.length > 0) throw new ListMismatch(); // a head alone cannot grow a tail here
    for (const block of blocks) write.push(blockFile(surface, block));
  }
  const tail: TailBlock[] = [];
  fences.forEach((fence, i) => {
    const now = newFences[i];
    if (now) tail.push(...now);
    else if (!replaced.has(i + 1)) tail.push(fence);
  });
  write.unshift(headFile(surface, newHead, tail));
  const written = new Set(write.map((f) => f.path));
  return { was, count, write, remove: remove.filter((path) => !written.has(path)) };
}

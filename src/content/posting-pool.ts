// Many growing lists of numbers (a full build's postings: one list a word, a number a
// story) in shared pages of a typed array. A JavaScript array a list cost ~150 bytes
// of overhead each and 8 bytes a number with half as much again reserved: at 100,000
// stories, with some 1.5 million words most of which a story or two use, the lists
// held ~400 MB; here a list is chunks in a page, each twice the last.

/**
 * An address is a page's number times PAGE plus a place in it. Pages start small (the
 * browser indexes a reader's few saved stories) and double up to PAGE numbers (16 MiB).
 * They hold 32-bit numbers (a posting is, until stories of 2155), and are widened to
 * 64-bit floats, all of them, the first time a number does not fit.
 */
const PAGE = 1 << 22;
const FIRST_PAGE = 1 << 12;
/** A chunk starts with two numbers: where the next chunk is, and its capacity. */
const HEADER = 2;
/** The next chunk of a list's last one (read never: a list's size says where it ends). */
const LAST = 0;
const FIRST_CHUNK = 2;
const LARGEST_CHUNK = 4096;
const NONE = -1;

export class PostingPool {
  private pages: (Uint32Array | Float64Array)[] = [];
  private wide = false;
  /** Numbers used in the last page. */
  private used = 0;
  /** Per list: its first chunk, its last chunk, the numbers in its last chunk, its size. */
  private first = new Int32Array(1024);
  private last = new Int32Array(1024);
  private fill = new Int32Array(1024);
  private sizes = new Int32Array(1024);
  private lists = 0;

  /** A new, empty list; lists are numbered 0, 1, 2… in the order made. */
  add(): number {
    if (this.lists === this.first.length) this.grow();
    this.first[this.lists] = NONE;
    return this.lists++;
  }

  get count(): number {
    return this.lists;
  }

  size(list: number): number {
    return this.sizes[list] as number;
  }

  push(list: number, value: number): void {
    if (!this.wide && !(value >= 0 && value <= 0xffffffff && Number.isInteger(value))) this.widen();
    let chunk = this.last[list] as number;
    if (this.first[list] === NONE) {
      chunk = this.chunk(FIRST_CHUNK);
      this.first[list] = chunk;
      this.last[list] = chunk;
      this.fill[list] = 0;
    } else if (this.fill[list] === this.at(chunk + 1)) {
      const next = this.chunk(Math.min(this.at(chunk + 1) * 2, LARGEST_CHUNK));
      this.set(chunk, next);
      this.last[list] = next;
      this.fill[list] = 0;
      chunk = next;
    }
    const fill = this.fill[list] as number;
    this.set(chunk + HEADER + fill, value);
    this.fill[list] = fill + 1;
    this.sizes[list] = (this.sizes[list] as number) + 1;
  }

  /** The list's numbers, in the order pushed. */
  values(list: number): number[] {
    const out: number[] = [];
    let left = this.sizes[list] as number;
    for (let chunk = this.first[list] as number; left > 0; ) {
      const page = this.pages[Math.floor(chunk / PAGE)] as Uint32Array | Float64Array;
      const offset = chunk % PAGE;
      const take = Math.min(left, page[offset + 1] as number);
      for (let i = 0; i < take; i++) out.push(page[offset + HEADER + i] as number);
      left -= take;
      chunk = page[offset] as number;
    }
    return out;
  }

  /** A chunk of `capacity` numbers, never across a page. */
  private chunk(capacity: number): number {
    const page = this.pages[this.pages.length - 1];
    if (!page || this.used + HEADER + capacity > page.length) {
      const size = page ? Math.min(page.length * 2, PAGE) : FIRST_PAGE;
      this.pages.push(this.wide ? new Float64Array(size) : new Uint32Array(size));
      this.used = 0;
    }
    const address = (this.pages.length - 1) * PAGE + this.used;
    this.used += HEADER + capacity;
    this.set(address, LAST);
    this.set(address + 1, capacity);
    return address;
  }

  private at(address: number): number {
    return (this.pages[Math.floor(address / PAGE)] as Uint32Array)[address % PAGE] as number;
  }

  private set(address: number, value: number): void {
    (this.pages[Math.floor(address / PAGE)] as Uint32Array)[address % PAGE] = value;
  }

  /** Every page as 64-bit floats from now on. */
  private widen(): void {
    this.pages = this.pages.map((page) => Float64Array.from(page));
    this.wide = true;
  }

  private grow(): void {
    const widen = (column: Int32Array) => {
      const wider = new Int32Array(column.length * 2);
      wider.set(column);
      return wider;
    };
    this.first = widen(this.first);
    this.last = widen(this.last);
    this.fill = widen(this.fill);
    this.sizes = widen(this.sizes);
  }
}

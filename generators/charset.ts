/**
 * Code-point sets for character classes, and arbitraries that draw from them.
 *
 * fast-check's `stringMatching` only emits ASCII for negated classes and `\p{…}`, which would
 * never reach the CJK letters, ideographic spaces or astral digits real emulators trip on. So a
 * class is expanded once into the Unicode scalar values it accepts (tested with a `u`-flag regex,
 * the same flag ajv uses), and those are grouped into buckets by general category (L, M, N, P, S,
 * Z, C) and by plane (ascii, bmp, astral). A character is drawn by picking a bucket uniformly and
 * then a member of it, so a class of 140,000 letters and 3 punctuation marks still yields `:` and
 * `-` a fair share of the time. Lone surrogates are never produced: they are not scalar values,
 * cannot travel as UTF-8, and would test the JSON layer rather than the service.
 */
import { codePointTable, type CodePointTable } from '../specs/index.js';

const CATEGORIES = ['L', 'N', 'Z', 'P', 'S', 'M', 'C'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Plane = 'ascii' | 'bmp' | 'astral';
const PLANES: Plane[] = ['ascii', 'bmp', 'astral'];
const MAX_CODE_POINT = 0x10ffff;
const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;
const planeOf = (cp: number): Plane => (cp < 0x80 ? 'ascii' : cp <= 0xffff ? 'bmp' : 'astral');

export interface Bucket {
  category: Category;
  plane: Plane;
  /** Inclusive [first, last] code-point runs. */
  ranges: [number, number][];
  size: number;
  /** What `pick` looks members up in. */
  index: MemberIndex;
}

/**
 * The runs as typed arrays (`starts[i]` members come before the run starting at `firsts[i]`),
 * and for every 2^shift-th offset the run it falls in (`hint`), so that finding the run of an
 * offset searches the one or two runs between two hints instead of all of them: a string
 * generator picks a member per character, and a bucket of letters has hundreds of runs.
 */
interface MemberIndex {
  firsts: Int32Array;
  starts: Int32Array;
  shift: number;
  hint: Int32Array;
}

function memberIndex(ranges: [number, number][]): MemberIndex {
  const firsts = Int32Array.from(ranges, ([first]) => first);
  const starts = new Int32Array(ranges.length);
  let size = 0;
  ranges.forEach(([first, last], i) => {
    starts[i] = size;
    size += last - first + 1;
  });
  // About two hints per run.
  let shift = 0;
  while (size >> (shift + 1) >= 2 * ranges.length) shift++;
  // One hint past the last offset's, so that hint[j + 1] always exists.
  const hint = new Int32Array((size >> shift) + 2);
  for (let j = 0, run = 0; j < hint.length; j++) {
    while (run + 1 < starts.length && starts[run + 1] <= j << shift) run++;
    hint[j] = run;
  }
  return { firsts, starts, shift, hint };
}

export interface CodePointSet {
  /** The regex class the set was built from, e.g. `[^\p{C}]`. */
  source: string;
  buckets: Bucket[];
  size: number;
  has(cp: number): boolean;
}

let categoryTable: Uint8Array | undefined;
function categories(): Uint8Array {
  if (categoryTable) return categoryTable;
  const tests = CATEGORIES.map((c) => new RegExp(`^\\p{${c}}$`, 'u'));
  const table = new Uint8Array(MAX_CODE_POINT + 1);
  const other = CATEGORIES.indexOf('C');
  for (let cp = 0; cp <= MAX_CODE_POINT; cp++) {
    if (isSurrogate(cp)) {
      table[cp] = other;
      continue;
    }
    const s = String.fromCodePoint(cp);
    // Unassigned code points (Cn) dominate the range: test C first.
    if (tests[other].test(s)) table[cp] = other;
    else table[cp] = tests.findIndex((t) => t.test(s));
  }
  return (categoryTable = table);
}

const cache = new Map<string, CodePointSet>();
/** The class of every scalar value. */
const ANY = '\\u{0}-\\u{10FFFF}';

function build(source: string, member: (s: string) => boolean): CodePointSet {
  const table = categories();
  const byKey = new Map<string, Omit<Bucket, 'index'>>();
  let size = 0;
  for (let cp = 0; cp <= MAX_CODE_POINT; cp++) {
    if (isSurrogate(cp) || !member(String.fromCodePoint(cp))) continue;
    const category = CATEGORIES[table[cp]];
    const plane = planeOf(cp);
    const key = `${category}/${plane}`;
    let b = byKey.get(key);
    if (!b) byKey.set(key, (b = { category, plane, ranges: [], size: 0 }));
    const last = b.ranges[b.ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else b.ranges.push([cp, cp]);
    b.size++;
    size++;
  }
  if (size === 0) throw new Error(`generators: character class ${source} accepts no Unicode scalar value`);
  // Buckets in a fixed order so that shrinking heads for ASCII letters first.
  const order = (b: Omit<Bucket, 'index'>) => PLANES.indexOf(b.plane) * CATEGORIES.length + CATEGORIES.indexOf(b.category);
  const buckets = [...byKey.values()].sort((a, b) => order(a) - order(b)).map((b): Bucket => ({ ...b, index: memberIndex(b.ranges) }));
  const test = new RegExp(`^${source}$`, 'u');
  return { source, buckets, size, has: (cp) => !isSurrogate(cp) && test.test(String.fromCodePoint(cp)) };
}

/**
 * A set from the table derived with the specs (specs/derive.ts), when it lists it for this
 * Node's Unicode version: scanning every code point costs seconds per run, looking it up nothing.
 */
function precomputed(source: string): CodePointSet | undefined {
  const entry = codePointTable()?.sets[source];
  if (!entry) return undefined;
  const test = new RegExp(`^${source}$`, 'u');
  const buckets = entry.buckets.map(({ category, plane, ranges }): Bucket => {
    const runs: [number, number][] = [];
    let size = 0;
    for (let i = 0; i < ranges.length; i += 2) {
      runs.push([ranges[i], ranges[i + 1]]);
      size += ranges[i + 1] - ranges[i] + 1;
    }
    return { category, plane, ranges: runs, size, index: memberIndex(runs) };
  });
  return { source, buckets, size: entry.size, has: (cp) => !isSurrogate(cp) && test.test(String.fromCodePoint(cp)) };
}

/** The scalar values a `u`-flag class body accepts (`a-z`, `^\p{C}`, `\p{L}\p{N}_-`…). */
export function classSet(classBody: string): CodePointSet {
  const source = `[${classBody}]`;
  let set = cache.get(source);
  if (!set) {
    const re = new RegExp(`^${source}$`, 'u');
    cache.set(source, (set = precomputed(source) ?? build(source, (s) => re.test(s))));
  }
  return set;
}

/** The scalar values the class rejects: what a pattern-breaking character is drawn from. */
export function complementSet(classBody: string): CodePointSet {
  const source = `[^${classBody}]`;
  let set = cache.get(source);
  if (!set) {
    const re = new RegExp(`^[${classBody}]$`, 'u');
    cache.set(source, (set = precomputed(source) ?? build(source, (s) => !re.test(s))));
  }
  return set;
}

/**
 * The table of the sets a schema's patterns need (each class, its complement, and every scalar
 * value), scanned from this Node's Unicode data: what specs:derive commits as codepoints.json.
 */
export function codePointTableFor(classBodies: string[]): CodePointTable {
  const sets: CodePointTable['sets'] = {};
  const add = (source: string, member: (s: string) => boolean) => {
    const { buckets, size } = build(source, member);
    sets[source] = { size, buckets: buckets.map(({ category, plane, ranges }) => ({ category, plane, ranges: ranges.flat() })) };
  };
  for (const body of new Set(classBodies)) {
    const re = new RegExp(`^[${body}]$`, 'u');
    add(`[${body}]`, (s) => re.test(s));
    add(`[^${body}]`, (s) => !re.test(s));
  }
  add(`[${ANY}]`, () => true);
  return { unicode: process.versions.unicode ?? 'unknown', sets: Object.fromEntries(Object.entries(sets).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

/** Every scalar value: the alphabet of a string with no pattern. */
export const anyScalar = () => classSet(ANY);

/** The offset-th member of a bucket (a binary search between the hints around it). */
export function pick(bucket: Bucket, offset: number): number {
  const { firsts, starts, shift, hint } = bucket.index;
  const j = offset >> shift;
  let lo = hint[j];
  let hi = hint[j + 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return firsts[lo] + offset - starts[lo];
}

/** The first (simplest) member of the set: what shrinking replaces characters with. */
export const simplest = (set: CodePointSet) => set.buckets[0].ranges[0][0];

import { MAX_REDIRECT_QUERY_LENGTH } from './parsed-redirect.js';

// Reading whatever the page hands the redirect parser (a URL, a query, URLSearchParams, a Next.js
// searchParams record) into a bounded map of key to values, without throwing and without decoding
// more than the length limit allows.

/**
 * What `parseRedirect` reads: an absolute or relative URL string, a query string with or without
 * its `?`, a `URL` (or `location`), `URLSearchParams`, or a Next.js `searchParams` record (await it
 * first in Next.js 15, where it is a promise). Record values are taken as already decoded.
 */
export type RedirectInput =
  | string
  | URL
  | URLSearchParams
  | Readonly<Record<string, string | readonly string[] | undefined>>;

// Past the length limit only key names are looked at, and only this many of them.
const MAX_SCANNED_ENTRIES = 100_000;

export type Params = Map<string, string[]>;

export interface Collected {
  params: Params;
  /** Set when the input passed the length limit; `params` then has key names only. */
  length?: number;
}

/**
 * The input as a map of key to values, or `null` for input that is no query at all. `keys`: the
 * names looked for in a query over the length limit, whose values are not read.
 */
export function collect(input: unknown, keys: readonly string[]): Collected | null {
  if (typeof input === 'string') return fromQuery(queryOf(input), keys);
  if (!input || typeof input !== 'object') return null;
  if (input instanceof URLSearchParams) return fromEntries(input);
  // A `URL` and `location` alike.
  if (isLocationLike(input)) return fromQuery(queryOf((input as { search: string }).search), keys);
  const entries = (input as { entries?: unknown }).entries;
  if (typeof entries === 'function' && typeof (input as { getAll?: unknown }).getAll === 'function') {
    // URLSearchParams from another realm (an iframe) fails instanceof but iterates the same way.
    return fromEntries(entries.call(input) as Iterable<[unknown, unknown]>);
  }
  return fromEntries(recordEntries(input as Record<string, unknown>));
}

function isLocationLike(input: object): boolean {
  const { href, search } = input as { href?: unknown; search?: unknown };
  return typeof href === 'string' && typeof search === 'string' && (search === '' || search.startsWith('?'));
}

/** The query part of a URL, a path, or a bare query string, without `?` and fragment. */
function queryOf(text: string): string {
  const mark = text.indexOf('?');
  let start = 0;
  if (mark !== -1) {
    const before = text.slice(0, mark);
    // A URL or path has its query after the first `?`; a bare query may contain a raw `?` in a value.
    const isUrl = /^([a-z][a-z0-9+.-]*:|[/.])/i.test(text) || !/[=&]/.test(before);
    if (isUrl) start = mark + 1;
  } else if (/^([a-z][a-z0-9+.-]*:|[/.])/i.test(text) && !/[=&]/.test(text)) {
    return '';
  }
  const hash = text.indexOf('#', start);
  return text.slice(start, hash === -1 ? text.length : hash);
}

function fromQuery(query: string, keys: readonly string[]): Collected {
  if (query.length > MAX_REDIRECT_QUERY_LENGTH) {
    // Key names only, found by one linear scan: decoding megabytes would stall the page. The names
    // are letters and underscores, so they need no escaping.
    const params: Params = new Map();
    for (const match of query.matchAll(new RegExp(`(?:^|&)(${keys.join('|')})(?==|&|$)`, 'g'))) params.set(match[1] as string, []);
    return { params, length: query.length };
  }
  return fromEntries(new URLSearchParams(query));
}

function fromEntries(entries: Iterable<[unknown, unknown]>): Collected {
  const params: Params = new Map();
  let length = 0;
  let seen = 0;
  for (const [key, raw] of entries) {
    if (++seen > MAX_SCANNED_ENTRIES) break;
    if (typeof key !== 'string' || typeof raw !== 'string') continue;
    length += key.length + raw.length + 2;
    add(params, key, raw, length);
  }
  return length > MAX_REDIRECT_QUERY_LENGTH ? { params, length } : { params };
}

/**
 * A Next.js `searchParams` record as entries: one per value of an array. Inherited keys and values
 * that are no strings still yield an entry, which fromEntries counts and skips, so its bound holds.
 */
function* recordEntries(record: Record<string, unknown>): Iterable<[unknown, unknown]> {
  for (const key in record) {
    const raw = Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
    for (const item of Array.isArray(raw) ? raw : [raw]) yield [key, item];
  }
}

function add(params: Params, key: string, raw: string, lengthSoFar: number): void {
  const values = params.get(key) ?? [];
  // Past the limit keep the key (for detection) but stop storing values.
  if (lengthSoFar <= MAX_REDIRECT_QUERY_LENGTH) values.push(raw);
  params.set(key, values);
}

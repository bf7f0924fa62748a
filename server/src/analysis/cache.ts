// What the analysis remembers between calls, owned by its caller: the language server holds one per
// open document and disposes of it on close; the CLI uses one per file. Nothing else is cached at module level but
// what is compiled from a config (its phrasebook, its path matchers), kept beside the config it came from.
import { MarkdownParser } from './markdown';
import type { PostmortemConfig } from './config';
import type { Postmortem } from './model';

/** A kind of cached value, declared by the module that computes it; each AnalysisCache holds its own table of them. */
export interface CacheTable<V> {
  /** Estimated bytes one generation may hold before it is retired early. */
  maxBytes: number;
  /** Estimated bytes of an entry, keys included. */
  sizeOf(key: string, value: V): number;
}

/**
 * Keeps what the last two analyses used: an edit changes a few blocks, and everything else is looked
 * up again by the next analysis. Entries of the previous generation move to the current one when
 * read; a generation over its byte limit is retired at once, so a table never holds more than twice it.
 */
export class RecentCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  private currentBytes = 0;
  private previousBytes = 0;

  constructor(private readonly table: CacheTable<V>) {}

  get(key: string): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const kept = this.previous.get(key);
    if (kept !== undefined) this.set(key, kept);
    return kept;
  }

  set(key: string, value: V): void {
    const replaced = this.current.get(key);
    if (replaced !== undefined) this.currentBytes -= this.table.sizeOf(key, replaced);
    else if (this.currentBytes >= this.table.maxBytes) this.nextGeneration();
    this.current.set(key, value);
    this.currentBytes += this.table.sizeOf(key, value);
  }

  /** Entries not read since the last call are dropped at the next one. */
  nextGeneration(): void {
    this.previous = this.current;
    this.previousBytes = this.currentBytes;
    this.current = new Map();
    this.currentBytes = 0;
  }

  get bytes(): number {
    return this.currentBytes + this.previousBytes;
  }
}

/** Looks `key` up, computing and keeping the value on a miss; without a cache it only computes. Undefined results are not kept. */
export function remember<V>(cache: RecentCache<V> | undefined, key: string, compute: () => NoInfer<V>): V;
export function remember<V>(cache: RecentCache<V> | undefined, key: string, compute: () => NoInfer<V> | undefined): V | undefined;
export function remember<V>(cache: RecentCache<V> | undefined, key: string, compute: () => V | undefined): V | undefined {
  const known = cache?.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (value !== undefined) cache?.set(key, value);
  return value;
}

/** A string's bytes in memory (UTF-16), plus a map entry's overhead. */
export const stringBytes = (text: string): number => 2 * text.length + 64;

interface ScopedTable {
  /** What the values depend on besides their key (a phrasebook, the document's people): when it changes, the table starts empty. */
  scope: readonly unknown[];
  cache: RecentCache<unknown>;
}

/** Estimated bytes of a model per character of its text: about 4 for its sections, prose, items and timeline on real postmortems, and the text's own. */
const modelBytesPerCharacter = 6;

/** The caches of one document (in the language server) or one run (in the CLI). */
export class AnalysisCache {
  private readonly tables = new Map<CacheTable<unknown>, ScopedTable>();
  private lastRead: { text: string; config: PostmortemConfig; today: string; model: Postmortem } | undefined;

  /** @param parser keeps the document's sections parsed between edits */
  constructor(readonly parser: MarkdownParser = new MarkdownParser()) {}

  /** This owner's cache of `table`, emptied first when `scope` differs from the last call's. */
  table<V>(table: CacheTable<V>, ...scope: unknown[]): RecentCache<V> {
    const known = this.tables.get(table);
    if (known && known.scope.length === scope.length && known.scope.every((item, i) => item === scope[i])) return known.cache as RecentCache<V>;
    const cache = new RecentCache(table);
    this.tables.set(table, { scope, cache: cache });
    return cache;
  }

  /** The model last read, if it was read from this text with this config and day; else `read()`'s, kept in its place. */
  lastModel(text: string, config: PostmortemConfig, today: string, read: () => Postmortem): Postmortem {
    const last = this.lastRead;
    if (last && last.text === text && last.config === config && last.today === today) return last.model;
    const model = read();
    this.lastRead = { text, config, today, model };
    return model;
  }

  /** Called by `analyze` before each analysis: what neither this nor the last analysis reads is let go. */
  nextGeneration(): void {
    for (const { cache } of this.tables.values()) cache.nextGeneration();
  }

  /** Estimated bytes held, parsed sections and the last model included. */
  get bytes(): number {
    let total = this.parser.bytes + (this.lastRead ? this.lastRead.text.length * modelBytesPerCharacter : 0);
    for (const { cache } of this.tables.values()) total += cache.bytes;
    return total;
  }

  /** Lets go of everything; the owner may still use it afterwards, starting empty. */
  dispose(): void {
    this.tables.clear();
    this.lastRead = undefined;
    this.parser.clear();
  }
}

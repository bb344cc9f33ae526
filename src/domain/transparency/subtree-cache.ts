// Memo of perfect-subtree hashes. A log is append-only, so the hash of a complete subtree of 2^level
// leaves starting at leaf index·2^level never changes once those leaves exist: it can be kept across
// calls and across growing tree sizes. Every subtree a root or proof needs is either such a perfect
// subtree or one of the O(log n) incomplete subtrees on the right edge, so after warm-up a proof
// costs O(log n) hash computations instead of O(n).
//
// Storage is paged flat bytes (32 bytes per hash, no object per entry): caching every level ≥ 1 of
// a million-leaf log takes ~32 MB; `minLevel` trades memory for a few hashes per proof (minLevel m
// keeps ~32/2^(m-1) bytes per leaf and recomputes at most 2^m − 1 hashes per uncached subtree).
// One cache belongs to one log: its keys say nothing about which leaves they were computed from.
import { HASH_SIZE } from './hash.ts';

const PAGE_ENTRIES = 256;

interface Page {
  readonly hashes: Uint8Array;
  readonly present: Uint8Array;
}

export interface SubtreeCacheOptions {
  /** Lowest level kept (level 1 = pairs of leaves). Default 1: every interior perfect node. */
  readonly minLevel?: number;
}

export interface SubtreeCacheStats {
  /** Node hashes computed while filling or using this cache. */
  nodeHashes: number;
  /** Lookups answered from the cache. */
  hits: number;
  /** Hashes stored. */
  entries: number;
}

export class SubtreeCache {
  readonly minLevel: number;
  readonly stats: SubtreeCacheStats = { nodeHashes: 0, hits: 0, entries: 0 };
  readonly #levels: Map<number, Page>[] = [];

  constructor(options: SubtreeCacheOptions = {}) {
    const minLevel = options.minLevel ?? 1;
    if (!Number.isSafeInteger(minLevel) || minLevel < 1) throw new RangeError('minLevel must be an integer ≥ 1');
    this.minLevel = minLevel;
  }

  /** The hash of perfect subtree (level, index), i.e. leaves [index·2^level, (index+1)·2^level). */
  get(level: number, index: number): Uint8Array | undefined {
    if (level < this.minLevel) return undefined;
    const page = this.#levels[level]?.get(Math.floor(index / PAGE_ENTRIES));
    if (!page) return undefined;
    const slot = index % PAGE_ENTRIES;
    if ((page.present[slot >> 3]! & (1 << (slot & 7))) === 0) return undefined;
    this.stats.hits++;
    return page.hashes.subarray(slot * HASH_SIZE, (slot + 1) * HASH_SIZE);
  }

  set(level: number, index: number, hash: Uint8Array): void {
    if (level < this.minLevel) return;
    if (hash.length !== HASH_SIZE) throw new RangeError('subtree hash must be 32 bytes');
    const pages = (this.#levels[level] ??= new Map());
    const pageNo = Math.floor(index / PAGE_ENTRIES);
    let page = pages.get(pageNo);
    if (!page) {
      page = { hashes: new Uint8Array(PAGE_ENTRIES * HASH_SIZE), present: new Uint8Array(PAGE_ENTRIES / 8) };
      pages.set(pageNo, page);
    }
    const slot = index % PAGE_ENTRIES;
    const bit = 1 << (slot & 7);
    if ((page.present[slot >> 3]! & bit) === 0) this.stats.entries++;
    page.hashes.set(hash, slot * HASH_SIZE);
    page.present[slot >> 3] = page.present[slot >> 3]! | bit;
  }

  /** Forget everything (e.g. after pointing the cache at a different log). */
  clear(): void {
    this.#levels.length = 0;
    this.stats.entries = 0;
  }
}

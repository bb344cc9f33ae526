// What the public verification page keeps in this browser for offline checks: the published keys,
// the last revocation list whose signature verified, and the certificates looked at recently —
// each with the time it was fetched. localStorage may be missing or full: then nothing is kept.

export interface Cached<T> {
  /** ISO instant of the fetch. */
  readonly fetchedAt: string;
  readonly data: T;
}

const PREFIX = 'jiliang.verify.';
export const CACHE_KEYS = {
  keys: `${PREFIX}keys`,
  revocations: `${PREFIX}revocations`,
  certificates: `${PREFIX}certificates`,
} as const;
const MAX_CERTIFICATES = 20;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readCached<T>(key: string): Cached<T> | null {
  try {
    const text = storage()?.getItem(key);
    if (!text) return null;
    const value = JSON.parse(text) as Cached<T>;
    return value && typeof value.fetchedAt === 'string' && value.data !== undefined ? value : null;
  } catch {
    return null;
  }
}

export function writeCached<T>(key: string, data: T, fetchedAt = new Date().toISOString()): Cached<T> {
  const entry = { fetchedAt, data };
  try {
    storage()?.setItem(key, JSON.stringify(entry));
  } catch {
    // quota exceeded or storage disabled: the page still works online
  }
  return entry;
}

/** The cached public view of a certificate, if this browser has seen it. */
export function readCachedCertificate<T>(certificateNo: string): Cached<T> | null {
  return readCached<Record<string, Cached<T>>>(CACHE_KEYS.certificates)?.data[certificateNo] ?? null;
}

/** Remembers a certificate's public view (the most recent few). */
export function writeCachedCertificate<T>(certificateNo: string, data: T): void {
  const all = { ...(readCached<Record<string, Cached<T>>>(CACHE_KEYS.certificates)?.data ?? {}) };
  delete all[certificateNo];
  all[certificateNo] = { fetchedAt: new Date().toISOString(), data };
  const kept = Object.entries(all).slice(-MAX_CERTIFICATES);
  writeCached(CACHE_KEYS.certificates, Object.fromEntries(kept));
}

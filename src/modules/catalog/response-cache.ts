/*
 * Answers of the public catalog reads (search pages, procedure pages, fields), kept per database while the catalog and
 * the dictionary stay as they are (counters of search_state, read once per batch of requests) and for at most a
 * minute (unit names and the like change without touching those counters). Each answer carries a strong ETag of its
 * body, so a browser that revalidates gets 304 Not Modified. The portal's crowd then costs one counter read per batch
 * and a map look-up per request, instead of a queue on the embedded database's one connection.
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../../db/client';
import { readVersions } from './search-cache';

type Entry = { stamp: string; storedAt: number; etag: string; value: unknown; size: number };
type Cache = { entries: Map<string, Entry>; size: number };

/** Bounded by the size of the bodies (procedure pages are tens of kB): the server's memory goals hold. */
const MAX_CACHED_CHARACTERS = 8_000_000;
const MAX_AGE_MS = 60_000;
const caches = new WeakMap<object, Cache>();

export type CachedAnswer<T> = { value: T; etag: string };

/** `key` names the answer (route and parameters); `day` is part of it, since "in force" changes at midnight. */
export async function cachedAnswer<T>(executor: Executor, key: string, day: string, compute: () => Promise<T>): Promise<CachedAnswer<T>> {
  const versions = await readVersions(executor);
  const stamp = `${versions.catalog}.${versions.dictionary}.${day}`;
  let cache = caches.get(executor as object);
  if (!cache) {
    cache = { entries: new Map(), size: 0 };
    caches.set(executor as object, cache);
  }
  const found = cache.entries.get(key);
  if (found && found.stamp === stamp && Date.now() - found.storedAt < MAX_AGE_MS) {
    // Refresh its place: the map's order is the least recently used first.
    cache.entries.delete(key);
    cache.entries.set(key, found);
    return { value: found.value as T, etag: found.etag };
  }
  const value = await compute();
  const body = JSON.stringify(value);
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  if (found) {
    cache.entries.delete(key);
    cache.size -= found.size;
  }
  cache.entries.set(key, { stamp, storedAt: Date.now(), etag, value, size: body.length });
  cache.size += body.length;
  for (const [oldestKey, oldest] of cache.entries) {
    if (cache.size <= MAX_CACHED_CHARACTERS) break;
    cache.entries.delete(oldestKey);
    cache.size -= oldest.size;
  }
  return { value, etag };
}

/*
 * What a query word may have meant when the catalog does not know it: typing leftovers (telex, VNI), the usual
 * Vietnamese confusions, an abbreviation made of the initials of a catalog phrase, words run together, a stray,
 * missing or swapped letter — each proposal checked against the catalog's vocabulary. Pure.
 */
import { editDistance, toSearchForm } from '../text';
import type { CatalogIndex } from './catalog-index';
import type { SearchDictionary } from './dictionary';
import { confusionVariants, hasVowel, removeTypingLeftovers } from './words';

export type AlternativeKind = 'original' | 'synonym' | 'correction' | 'prefix' | 'approximate';
export type Alternative = { words: string[]; weight: number; kind: AlternativeKind };

const MAX_CORRECTIONS = 5;
const MAX_PREFIX_WORDS = 6;

type Caches = { vocabulary: string[]; deletions: Map<string, string[]>; acronyms: Map<string, string[][]> };

/** Every string one or two deleted letters away from `word` (and the word itself): the keys of a deletion index. */
function deletionsOf(word: string, depth: number, into: Set<string> = new Set([word])): Set<string> {
  if (depth === 0 || word.length <= 1) return into;
  for (let position = 0; position < word.length; position++) {
    const shorter = word.slice(0, position) + word.slice(position + 1);
    if (!into.has(shorter)) {
      into.add(shorter);
      deletionsOf(shorter, depth - 1, into);
    }
  }
  return into;
}
const caches = new WeakMap<CatalogIndex, Caches>();

function cachesOf(index: CatalogIndex): Caches {
  let found = caches.get(index);
  if (!found) {
    // Corrections point at words that names and fields use: a word seen only in a form's small print is a poor guess.
    const vocabulary = index.words.filter((word) => index.popularityOf(word) > 1 && !/^[0-9]+$/.test(word));
    // Two words within edit distance 2 share a string reached by deleting at most two letters from each (symmetric
    // deletion): candidates come from a few map look-ups instead of a scan of the vocabulary.
    const deletions = new Map<string, string[]>();
    for (const word of vocabulary) {
      for (const key of deletionsOf(word, word.length >= 5 ? 2 : 1)) {
        const list = deletions.get(key);
        if (list) list.push(word);
        else deletions.set(key, [word]);
      }
    }
    found = { vocabulary, deletions, acronyms: new Map() };
    caches.set(index, found);
  }
  return found;
}

/** Is `word` known to the catalog or the dictionary (so that it need not be corrected)? */
export const isKnownWord = (index: CatalogIndex, dictionary: SearchDictionary, word: string) => index.has(word) || dictionary.hasTerm(word);

/**
 * Phrases of names whose initials spell `word`: "gpxd" → "giay phep xay dung". Only phrases seen at least twice, the
 * two most frequent, so that an abbreviation the dictionary lacks is still understood when the catalog suggests it.
 */
export function expandInitials(index: CatalogIndex, word: string): string[][] {
  const { acronyms } = cachesOf(index);
  const cached = acronyms.get(word);
  if (cached) return cached;
  const counts = new Map<string, number>();
  const length = word.length;
  for (const names of index.nameWords) {
    for (let start = 0; start + length <= names.length; start++) {
      let matches = true;
      for (let offset = 0; offset < length && matches; offset++) matches = index.words[names[start + offset]!]![0] === word[offset];
      if (!matches) continue;
      const phrase = Array.from(names.subarray(start, start + length), (id) => index.words[id]!).join(' ');
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
  }
  const found = [...counts]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 2)
    .map(([phrase]) => phrase.split(' '));
  if (acronyms.size > 5_000) acronyms.clear();
  acronyms.set(word, found);
  return found;
}

/** "lylichtuphap" → ["ly", "lich", "tu", "phap"]: the fewest known words, each pair seen together in the catalog. */
export function splitRunTogether(index: CatalogIndex, word: string): string[] | null {
  if (word.length < 4 || word.length > 40) return null;
  // best[i]: the best split of word[0..i), as [pieces, total popularity].
  const best: ({ pieces: string[]; popularity: number } | null)[] = [{ pieces: [], popularity: 0 }];
  for (let end = 1; end <= word.length; end++) {
    best[end] = null;
    for (let start = Math.max(0, end - 7); start < end; start++) {
      const before = best[start];
      // The search form reads a final y as i: "ly" is the word "li".
      const piece = toSearchForm(word.slice(start, end));
      if (!before || !hasVowel(piece) || index.popularityOf(piece) <= 1) continue;
      const previous = before.pieces.at(-1);
      if (previous && !index.isKnownPair(previous, piece)) continue;
      const candidate = { pieces: [...before.pieces, piece], popularity: before.popularity + Math.log(index.popularityOf(piece)) };
      const current = best[end];
      if (
        !current ||
        candidate.pieces.length < current.pieces.length ||
        (candidate.pieces.length === current.pieces.length && candidate.popularity > current.popularity)
      ) {
        best[end] = candidate;
      }
    }
  }
  const found = best[word.length];
  return found && found.pieces.length >= 2 ? found.pieces : null;
}

/** Known words within edit distance 1 (2 from five letters), closest and most frequent first. */
export function nearbyWords(index: CatalogIndex, dictionary: SearchDictionary, word: string): { word: string; distance: number }[] {
  const limit = word.length >= 5 ? 2 : 1;
  const found: { word: string; distance: number }[] = [];
  const consider = (candidate: string) => {
    if (Math.abs(candidate.length - word.length) > limit) return;
    const distance = editDistance(word, candidate, limit);
    if (distance <= limit) found.push({ word: candidate, distance });
  };
  const { deletions } = cachesOf(index);
  const candidates = new Set<string>();
  for (const key of deletionsOf(word, limit)) for (const candidate of deletions.get(key) ?? []) candidates.add(candidate);
  for (const candidate of dictionary.singleWordTerms) candidates.add(candidate);
  for (const candidate of candidates) consider(candidate);
  return found.sort((a, b) => a.distance - b.distance || index.popularityOf(b.word) - index.popularityOf(a.word)).slice(0, MAX_CORRECTIONS);
}

/** Trigram similarity (Jaccard) of two words, padded so that their ends count: the last resort for garbled words. */
function trigramSimilarity(a: string, b: string): number {
  const grams = (value: string) => {
    const padded = `  ${value} `;
    const set = new Set<string>();
    for (let index = 0; index + 3 <= padded.length; index++) set.add(padded.slice(index, index + 3));
    return set;
  };
  const left = grams(a);
  const right = grams(b);
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return shared / (left.size + right.size - shared);
}

export function approximateWords(index: CatalogIndex, word: string): string[] {
  return cachesOf(index)
    .vocabulary.map((candidate) => ({ candidate, similarity: trigramSimilarity(word, candidate) }))
    .filter((entry) => entry.similarity >= 0.3)
    .sort((a, b) => b.similarity - a.similarity || index.popularityOf(b.candidate) - index.popularityOf(a.candidate))
    .slice(0, 3)
    .map((entry) => entry.candidate);
}

/**
 * Alternatives for a word the catalog does not know, best first (weights: how sure the guess is). `isLast`: the
 * word may be unfinished (the visitor is still typing), so known words it starts count too.
 */
export function correctWord(index: CatalogIndex, dictionary: SearchDictionary, word: string, isLast: boolean): Alternative[] {
  const found = new Map<string, Alternative>();
  const add = (words: string[], weight: number, kind: AlternativeKind) => {
    const key = words.join(' ');
    const existing = found.get(key);
    if (!existing || existing.weight < weight) found.set(key, { words, weight, kind });
  };
  const known = (candidate: string) => candidate !== word && isKnownWord(index, dictionary, candidate);
  const cleaned = toSearchForm(removeTypingLeftovers(word)) || word;
  if (known(cleaned)) add([cleaned], 0.95, 'correction');
  for (const base of new Set([word, cleaned]))
    for (const variant of confusionVariants(base)) if (known(variant)) add([variant], 0.9, 'correction');
  if (!hasVowel(word) && word.length >= 2 && word.length <= 7) {
    for (const phrase of expandInitials(index, word)) add(phrase, 0.9, 'synonym');
  }
  const split = splitRunTogether(index, word) ?? splitRunTogether(index, cleaned);
  if (split) add(split, 0.9, 'correction');
  if (isLast && word.length >= 2) for (const candidate of index.wordsStartingWith(word, MAX_PREFIX_WORDS)) add([candidate], 0.75, 'prefix');
  for (const base of new Set([word, cleaned])) {
    for (const { word: candidate, distance } of nearbyWords(index, dictionary, base))
      add([candidate], distance === 1 ? 0.8 : 0.6, 'correction');
  }
  if (found.size === 0) for (const candidate of approximateWords(index, cleaned)) add([candidate], 0.4, 'approximate');
  return [...found.values()].sort((a, b) => b.weight - a.weight).slice(0, MAX_CORRECTIONS + MAX_PREFIX_WORDS);
}

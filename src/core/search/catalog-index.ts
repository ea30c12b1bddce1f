/*
 * The in-memory search index of the catalog (docs/adr/0001-vietnamese-search.md): BM25F weights of every word of
 * every procedure over its name (and code), field, result and components, the vocabulary with frequencies for typo
 * correction, the accented spelling of each word (for "Có phải bạn muốn tìm …") and the word pairs of each name
 * (for the query's word order). Pure: built from plain documents, no I/O.
 */
import { toSearchForm } from '../text';
import { splitWords, VARIANT_MARKERS } from './words';

export type SearchDocument = {
  code: string;
  name: string;
  field: string;
  result: string;
  components: string;
  /** Popularity prior in [0, 1] (src/modules/catalog/popularity.ts: 0 until dossier counts exist): raises a score by up to the popularity weight. */
  popularity?: number;
};

/** Per field: weight in BM25F, length normalisation b, and how much a hit there covers a query word. */
const FIELDS = {
  name: { weight: 1, b: 0.75, coverage: 1 },
  /** What a name says in parentheses: "(thực hiện tại cấp tỉnh)", "(… Nhà ở riêng lẻ)": a qualification, not its core. */
  detail: { weight: 0.45, b: 0.5, coverage: 0.8 },
  field: { weight: 0.35, b: 0.3, coverage: 0.7 },
  result: { weight: 0.3, b: 0.5, coverage: 0.6 },
  components: { weight: 0.1, b: 0.75, coverage: 0.4 },
} as const;
type FieldName = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];
const K1 = 1.2;
/** Long component lists are cut: their tail adds words, not meaning. */
const MAX_COMPONENT_WORDS = 400;
const MAX_COMPONENT_CHARACTERS = 3_000;

export type Posting = { docs: Int32Array; scores: Float32Array; coverage: Float32Array };

export class CatalogIndex {
  readonly size: number;
  readonly documents: readonly SearchDocument[];
  /** Word → id; ids index `words`, `documentFrequency`, `postings`. */
  readonly wordIds = new Map<string, number>();
  readonly words: string[] = [];
  readonly documentFrequency: number[] = [];
  /** Occurrences in names and fields (what people type is what names say): ranks corrections. */
  readonly nameFrequency: number[] = [];
  readonly idf: number[] = [];
  readonly postings: Posting[] = [];
  /** Words of each name, as ids, in order. */
  readonly nameWords: Int32Array[] = [];
  /** Adjacent word pairs of each name, as `first * 2^20 + second`. */
  readonly namePairs: Set<number>[] = [];
  /** Every adjacent pair of words in any name or field. */
  readonly knownPairs = new Set<number>();
  /** Search-form word → its most frequent accented spelling in names. */
  private readonly spellings = new Map<string, string>();
  /** Vocabulary sorted, for prefix look-ups (as-you-type). */
  readonly sortedWords: string[];
  readonly codes = new Map<string, number>();
  /** Each document's place in a listing without words (shorter names first, then alphabetical): the last tie-break. */
  readonly listingRank: Int32Array;
  /** Per document, the VARIANT_MARKERS (as indexes) its name holds. */
  readonly variantMarkers: number[][] = [];
  readonly markerWords: string[][] = VARIANT_MARKERS.map((marker) => marker.split(' '));

  constructor(documents: readonly SearchDocument[]) {
    this.documents = documents;
    this.size = documents.length;
    const spellingCounts = new Map<string, Map<string, number>>();
    // The same words recur across thousands of procedures: each distinct token is put in search form once.
    const forms = new Map<string, string>();
    const formOf = (text: string) =>
      text
        .split(/\s+/)
        .map((token) => {
          let form = forms.get(token);
          if (form === undefined) {
            form = toSearchForm(token);
            forms.set(token, form);
          }
          return form;
        })
        .join(' ');
    const perDocument = documents.map((document, index) => {
      this.codes.set(document.code, index);
      const parenthesised = document.name.match(/\([^)]*\)?/g) ?? [];
      const fields: Record<FieldName, string[]> = {
        name: splitWords(formOf(`${document.name.replace(/\([^)]*\)?/g, ' ')} ${document.code}`)),
        detail: splitWords(formOf(parenthesised.join(' '))),
        field: splitWords(formOf(document.field)),
        result: splitWords(formOf(document.result)),
        components: splitWords(formOf(document.components.slice(0, MAX_COMPONENT_CHARACTERS))).slice(0, MAX_COMPONENT_WORDS),
      };
      countSpellings(`${document.name} ${document.field}`, spellingCounts, formOf);
      const name = ` ${fields.name.join(' ')} `;
      this.variantMarkers.push(VARIANT_MARKERS.flatMap((marker, markerIndex) => (name.includes(` ${marker} `) ? [markerIndex] : [])));
      return fields;
    });
    const averageLength = Object.fromEntries(
      FIELD_NAMES.map((field) => [
        field,
        Math.max(1, perDocument.reduce((sum, fields) => sum + fields[field].length, 0) / Math.max(1, this.size)),
      ]),
    ) as Record<FieldName, number>;
    const entries: { docs: number[]; scores: number[]; coverage: number[] }[] = [];
    perDocument.forEach((fields, index) => {
      const frequencies = new Map<number, Record<FieldName, number>>();
      for (const field of FIELD_NAMES) {
        for (const word of fields[field]) {
          const id = this.idOf(word, true);
          const counts = frequencies.get(id) ?? { name: 0, detail: 0, field: 0, result: 0, components: 0 };
          // A word said twice in a name ("trợ giúp pháp lý của người được trợ giúp pháp lý") is no more relevant.
          counts[field] = field === 'name' || field === 'detail' ? 1 : counts[field] + 1;
          frequencies.set(id, counts);
          if (field === 'name' || field === 'detail' || field === 'field') this.nameFrequency[id]!++;
        }
      }
      const names = fields.name.map((word) => this.wordIds.get(word)!);
      this.nameWords.push(Int32Array.from(names));
      const pairs = new Set<number>();
      for (let position = 1; position < names.length; position++) pairs.add(pairKey(names[position - 1]!, names[position]!));
      this.namePairs.push(pairs);
      for (const pair of pairs) this.knownPairs.add(pair);
      for (const words of [fields.detail, fields.field]) {
        const ids = words.map((word) => this.wordIds.get(word)!);
        for (let position = 1; position < ids.length; position++) {
          this.knownPairs.add(pairKey(ids[position - 1]!, ids[position]!));
          if (words === fields.detail) pairs.add(pairKey(ids[position - 1]!, ids[position]!));
        }
      }
      for (const [id, counts] of frequencies) {
        let weighted = 0;
        let coverage = 0;
        for (const field of FIELD_NAMES) {
          if (counts[field] === 0) continue;
          const { weight, b } = FIELDS[field];
          weighted += (weight * counts[field]) / (1 - b + (b * fields[field].length) / averageLength[field]);
          coverage = Math.max(coverage, FIELDS[field].coverage);
        }
        if (!entries[id]) entries[id] = { docs: [], scores: [], coverage: [] };
        const entry = entries[id];
        entry.docs.push(index);
        entry.scores.push((weighted * (K1 + 1)) / (K1 + weighted));
        entry.coverage.push(coverage);
      }
    });
    this.words.forEach((_, id) => {
      const entry = entries[id] ?? { docs: [], scores: [], coverage: [] };
      const frequency = entry.docs.length;
      this.documentFrequency[id] = frequency;
      const idf = Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
      this.idf[id] = idf;
      this.postings[id] = {
        docs: Int32Array.from(entry.docs),
        scores: Float32Array.from(entry.scores, (score) => score * idf),
        coverage: Float32Array.from(entry.coverage),
      };
    });
    for (const [word, counts] of spellingCounts) {
      const best = [...counts].sort((a, b) => b[1] - a[1])[0];
      if (best) this.spellings.set(word, best[0]);
    }
    this.sortedWords = [...this.words].sort();
    const listing = documents.map((_, position) => position).sort((a, b) => compareListing(documents[a]!, documents[b]!));
    this.listingRank = new Int32Array(this.size);
    listing.forEach((document, rank) => {
      this.listingRank[document] = rank;
    });
  }

  private idOf(word: string, create: boolean): number {
    let id = this.wordIds.get(word);
    if (id === undefined && create) {
      id = this.words.length;
      this.words.push(word);
      this.wordIds.set(word, id);
      this.nameFrequency.push(0);
    }
    return id ?? -1;
  }

  has(word: string): boolean {
    return this.wordIds.has(word);
  }

  /** How often a word occurs in names and fields, plus one if it occurs anywhere. */
  popularityOf(word: string): number {
    const id = this.wordIds.get(word);
    return id === undefined ? 0 : this.nameFrequency[id]! + 1;
  }

  isKnownPair(first: string, second: string): boolean {
    const a = this.wordIds.get(first);
    const b = this.wordIds.get(second);
    return a !== undefined && b !== undefined && this.knownPairs.has(pairKey(a, b));
  }

  /** The accented spelling of a search-form word as names write it ("lich" → "lịch"), or the word itself. */
  spellingOf(word: string): string {
    return this.spellings.get(word) ?? word;
  }

  /** Known words that start with `prefix`, most frequent first. */
  wordsStartingWith(prefix: string, limit: number): string[] {
    let low = 0;
    let high = this.sortedWords.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sortedWords[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let index = low; index < this.sortedWords.length && this.sortedWords[index]!.startsWith(prefix); index++) {
      found.push(this.sortedWords[index]!);
    }
    return found.sort((a, b) => this.popularityOf(b) - this.popularityOf(a)).slice(0, limit);
  }
}

/** Shorter names first (plain procedures before their variants), then by name and code. */
export function compareListing(left: { name: string; code: string }, right: { name: string; code: string }): number {
  return (
    left.name.length - right.name.length ||
    (left.name < right.name ? -1 : left.name > right.name ? 1 : 0) ||
    (left.code < right.code ? -1 : 1)
  );
}

export const pairKey = (first: number, second: number) => first * 1_048_576 + second;

function countSpellings(text: string, counts: Map<string, Map<string, number>>, formOf: (text: string) => string) {
  for (const token of text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    if (!token) continue;
    const form = formOf(token);
    if (!form || form.includes(' ')) continue;
    const spellings = counts.get(form) ?? new Map<string, number>();
    spellings.set(token, (spellings.get(token) ?? 0) + 1);
    counts.set(form, spellings);
  }
}

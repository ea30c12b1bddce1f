/*
 * Ranked retrieval over the in-memory catalog index (docs/adr/0001-vietnamese-search.md): every procedure that
 * shares a word with the query is scored — BM25F over name, field, result and components, times how much of the
 * query it covers, times the query's word order found in its name, plus a popularity prior — and the weak tail is
 * cut relative to the best match. Pure.
 */
import { stripAccents, toSearchForm } from '../text';
import type { CatalogIndex } from './catalog-index';
import { pairKey } from './catalog-index';
import type { AlternativeKind } from './corrections';
import type { SearchDictionary } from './dictionary';
import { planQuery, type Slot } from './query-plan';
import { splitWords } from './words';

export type SearchHit = { document: number; score: number };
export type SearchOutcome = {
  /** Best first; empty when nothing shares a word with the query. */
  hits: SearchHit[];
  /** The query as the catalog spells it, when words had to be corrected ("Có phải bạn muốn tìm …"). */
  suggestion: string | null;
  /** Words (search form) that matched, for highlighting. */
  matchedWords: string[];
  /** The hits only resemble the query (no word matched as typed or corrected with confidence). */
  isApproximate: boolean;
};

/** Fillers count this much of a content word in the ranking. */
const STOP_WEIGHT = 0.3;
const ORDER_BONUS = 0.35;
/** The query's words, all of them, as one run of the name: "đăng ký giám hộ" is not "đăng ký giám sát việc giám hộ". */
const PHRASE_BONUS = 0.25;
/**
 * How much a popularity of 1 raises a score (+10 %); setting `search.popularityWeight` overrides it (0–1). 0.1, not
 * 0.3: with the demo's 3,000 dossiers 0.3 took recall@1 from 86.8 % to 79.9 %, 0.1 to 85.6 % (bench:search, ADR 0001).
 */
export const DEFAULT_POPULARITY_WEIGHT = 0.1;
/** Each name word the query does not use lowers the score this much (relative): plain procedures before variants. */
const EXTRA_WORD_PENALTY = 0.006;
/** Each special-case marker of a name that the query does not mention lowers the score this much (relative). */
const VARIANT_PENALTY = 0.15;
const MIN_COVERAGE = 0.25;
const RELATIVE_COVERAGE = 0.55;
const RELATIVE_SCORE = 0.2;

type SlotScores = { value: Float32Array; coverage: Float32Array; chosen: Int16Array };
type Scratch = { score: Float32Array; coverage: Float32Array; touched: Uint8Array; touchedList: number[] };

function scoreSlot(index: CatalogIndex, slot: Slot, scratch: Scratch): SlotScores {
  const value = new Float32Array(index.size);
  const coverage = new Float32Array(index.size);
  const chosen = new Int16Array(index.size).fill(-1);
  const { score: altScore, coverage: altCoverage } = scratch;
  slot.alternatives.forEach((alternative, alternativeIndex) => {
    const docs: number[] = [];
    for (const word of alternative.words) {
      const id = index.wordIds.get(word);
      if (id === undefined) continue;
      const posting = index.postings[id]!;
      for (let entry = 0; entry < posting.docs.length; entry++) {
        const document = posting.docs[entry]!;
        if (altScore[document] === 0 && altCoverage[document] === 0) docs.push(document);
        altScore[document]! += posting.scores[entry]!;
        altCoverage[document]! += posting.coverage[entry]!;
      }
    }
    const scale = alternative.weight / Math.sqrt(alternative.words.length);
    const coverageScale = alternative.weight / alternative.words.length;
    for (const document of docs) {
      const candidate = scale * altScore[document]!;
      const covered = coverageScale * altCoverage[document]!;
      if (candidate > value[document]!) {
        value[document] = candidate;
        chosen[document] = alternativeIndex;
      }
      if (covered > coverage[document]!) coverage[document] = covered;
      if (!scratch.touched[document]) {
        scratch.touched[document] = 1;
        scratch.touchedList.push(document);
      }
      altScore[document] = 0;
      altCoverage[document] = 0;
    }
  });
  return { value, coverage, chosen };
}

/** Do the chosen words of the content slots, in the query's order, occur as one run of the name? */
function isPhraseOfName(index: CatalogIndex, slots: Slot[], scores: SlotScores[], document: number): boolean {
  const sequence: number[] = [];
  slots.forEach((slot, slotIndex) => {
    if (slot.isStop || slot.alternatives.length === 0) return;
    const chosen = scores[slotIndex]!.chosen[document]!;
    for (const word of chosen >= 0 ? slot.alternatives[chosen]!.words : []) sequence.push(index.wordIds.get(word) ?? -1);
  });
  const name = index.nameWords[document]!;
  if (sequence.length < 2 || sequence.includes(-1)) return false;
  for (let start = 0; start + sequence.length <= name.length; start++) {
    let offset = 0;
    while (offset < sequence.length && name[start + offset] === sequence[offset]) offset++;
    if (offset === sequence.length) return true;
  }
  return false;
}

/** Adjacent content slots whose chosen words follow each other in the name, as a share of the adjacent pairs. */
function orderShare(index: CatalogIndex, slots: Slot[], scores: SlotScores[], document: number): number {
  let pairs = 0;
  let inOrder = 0;
  let previous: string | null = null;
  slots.forEach((slot, slotIndex) => {
    if (slot.isStop || slot.alternatives.length === 0) return;
    const chosen = scores[slotIndex]!.chosen[document]!;
    const words = chosen >= 0 ? slot.alternatives[chosen]!.words : null;
    if (previous !== null) {
      pairs++;
      const first = index.wordIds.get(previous);
      const second = words ? index.wordIds.get(words[0]!) : undefined;
      if (first !== undefined && second !== undefined && index.namePairs[document]!.has(pairKey(first, second))) inOrder++;
    }
    previous = words ? words.at(-1)! : '';
  });
  return pairs === 0 ? 0 : inOrder / pairs;
}

export function rankDocuments(
  index: CatalogIndex,
  dictionary: SearchDictionary,
  query: string,
  isOpenEnded = false,
  popularityWeight = DEFAULT_POPULARITY_WEIGHT,
): SearchOutcome {
  const slots = planQuery(index, dictionary, query, isOpenEnded);
  const scratch: Scratch = {
    score: new Float32Array(index.size),
    coverage: new Float32Array(index.size),
    touched: new Uint8Array(index.size),
    touchedList: [],
  };
  const scores = slots.map((slot) => scoreSlot(index, slot, scratch));
  const content = slots.map((slot, slotIndex) => ({ slot, slotIndex })).filter(({ slot }) => !slot.isStop && slot.alternatives.length > 0);
  const totalWeight = content.reduce((sum, { slot }) => sum + slot.weight, 0);
  const codeDocument = index.codes.get(query.trim());
  if (codeDocument !== undefined && !scratch.touched[codeDocument]) scratch.touchedList.push(codeDocument);
  const mentioned = new Set(slots.flatMap((slot) => [...slot.words, ...slot.alternatives.flatMap((alternative) => alternative.words)]));
  const unmentionedMarker = index.markerWords.map((words) => !words.some((word) => mentioned.has(word)));
  const queryLength = slots.reduce((sum, slot) => sum + slot.words.length, 0);
  // First pass: BM25F times coverage, for every procedure that shares a word with the query.
  const candidates = scratch.touchedList.map((document) => {
    let base = 0;
    let covered = 0;
    slots.forEach((slot, slotIndex) => {
      const value = scores[slotIndex]!.value[document]!;
      base += slot.isStop ? STOP_WEIGHT * value : value;
    });
    for (const { slot, slotIndex } of content) covered += slot.weight * scores[slotIndex]!.coverage[document]!;
    const coverage = totalWeight > 0 ? covered / totalWeight : 0;
    return { document, score: base * (0.2 + 0.8 * coverage * coverage), coverage };
  });
  let bestCoverage = 0;
  let bestScore = 0;
  for (const candidate of candidates) {
    bestCoverage = Math.max(bestCoverage, candidate.coverage);
    bestScore = Math.max(bestScore, candidate.score);
  }
  // Second pass, on the candidates that can still make the cut: word order, phrase, variants, popularity.
  const maximumBonus = (1 + ORDER_BONUS) * (1 + PHRASE_BONUS) * (1 + popularityWeight);
  const minimumCoverage = Math.max(MIN_COVERAGE, RELATIVE_COVERAGE * bestCoverage);
  const finalists = candidates.filter(
    (candidate) =>
      candidate.document === codeDocument ||
      (candidate.coverage >= minimumCoverage && candidate.score * maximumBonus >= RELATIVE_SCORE * bestScore),
  );
  let bestFinal = 0;
  for (const candidate of finalists) {
    const { document } = candidate;
    let score = candidate.score * (1 + ORDER_BONUS * orderShare(index, slots, scores, document));
    if (isPhraseOfName(index, slots, scores, document)) score *= 1 + PHRASE_BONUS;
    const extraWords = Math.max(0, index.nameWords[document]!.length - 2 - queryLength);
    score *= 1 - Math.min(0.3, EXTRA_WORD_PENALTY * extraWords);
    let markers = 0;
    for (const marker of index.variantMarkers[document]!) if (unmentionedMarker[marker]) markers++;
    score *= 1 - VARIANT_PENALTY * Math.min(3, markers);
    score *= 1 + popularityWeight * (index.documents[document]!.popularity ?? 0);
    candidate.score = score;
    if (document !== codeDocument) bestFinal = Math.max(bestFinal, score);
    else candidate.score = score + 1_000;
  }
  const hits = finalists
    .filter((candidate) => candidate.document === codeDocument || candidate.score >= RELATIVE_SCORE * bestFinal)
    .sort((a, b) => b.score - a.score || index.listingRank[a.document]! - index.listingRank[b.document]!)
    .map(({ document, score }) => ({ document, score }));
  const kinds = content.flatMap(({ slot }) => slot.alternatives.map((alternative) => alternative.kind));
  const isApproximate = kinds.length > 0 && kinds.every((kind) => kind === 'approximate');
  return {
    hits,
    suggestion: hits.length > 0 ? suggestionFor(index, query, slots, scores, hits[0]!.document) : null,
    matchedWords: [...new Set(content.flatMap(({ slot }) => slot.alternatives.flatMap((alternative) => alternative.words)))].filter(
      (word) => index.has(word),
    ),
    isApproximate,
  };
}

const CORRECTED: ReadonlySet<AlternativeKind> = new Set(['correction', 'approximate']);

/**
 * The query with its corrected words replaced by the catalog's spelling of the words the best hit matched; the
 * other words as typed. Null when no word was corrected.
 */
function suggestionFor(index: CatalogIndex, query: string, slots: Slot[], scores: SlotScores[], document: number): string | null {
  const replacements = new Map<string, string>();
  slots.forEach((slot, slotIndex) => {
    const chosen = scores[slotIndex]!.chosen[document]!;
    const alternative = chosen >= 0 ? slot.alternatives[chosen] : undefined;
    if (slot.words.length !== 1 || !alternative || !CORRECTED.has(alternative.kind)) return;
    replacements.set(slot.words[0]!, alternative.words.map((word) => index.spellingOf(word)).join(' '));
  });
  if (replacements.size === 0) return null;
  return query
    .trim()
    .split(/\s+/)
    .map((token) => {
      const forms = splitWords(toSearchForm(token));
      // A word typed without accents is shown as the catalog spells it; a word typed with them, as typed.
      const isPlain = stripAccents(token) === token;
      return forms.some((form) => replacements.has(form)) || isPlain
        ? forms.map((form) => replacements.get(form) ?? index.spellingOf(form)).join(' ')
        : token;
    })
    .join(' ');
}

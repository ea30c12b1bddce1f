/*
 * A query turned into slots: one per word or per dictionary term ("so do", "lltp"), each with its alternatives
 * (the word itself, its synonyms, its corrections), and whether it is a filler that need not match. Pure.
 */
import { toSearchForm } from '../text';
import type { CatalogIndex } from './catalog-index';
import { type Alternative, correctWord, nearbyWords } from './corrections';
import { MAX_TERM_WORDS, type SearchDictionary } from './dictionary';
import { confusionVariants, STOP_PHRASES, STOP_WORDS, splitWords } from './words';

export type Slot = {
  /** The query's words (search form) this slot stands for. */
  words: string[];
  isStop: boolean;
  alternatives: Alternative[];
  /** How much matching this slot matters: the best alternative's specificity (idf). */
  weight: number;
};

/** Longer queries are cut: nobody types more, and each word costs a look-up. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 12;
const STOP_PHRASE_SET = new Set(STOP_PHRASES);

export function queryWords(query: string): string[] {
  return splitWords(toSearchForm(query.slice(0, MAX_QUERY_LENGTH))).slice(0, MAX_QUERY_WORDS);
}

function withSynonyms(dictionary: SearchDictionary, alternatives: Alternative[]): Alternative[] {
  const expanded = [...alternatives];
  for (const alternative of alternatives) {
    for (const words of dictionary.expansionsOf(alternative.words, 0, alternative.words.length)) {
      expanded.push({ words, weight: alternative.weight, kind: alternative.kind === 'original' ? 'synonym' : alternative.kind });
    }
  }
  return expanded;
}

function slotWeight(index: CatalogIndex, alternatives: Alternative[]): number {
  let weight = 0;
  for (const alternative of alternatives) {
    const ids = alternative.words.map((word) => index.wordIds.get(word)).filter((id) => id !== undefined);
    if (ids.length === 0) continue;
    const idf = ids.reduce((sum, id) => sum + index.idf[id]!, 0) / ids.length;
    weight = Math.max(weight, idf * alternative.weight);
  }
  return Math.max(weight, alternatives.length > 0 ? 0.5 : 0);
}

/** `isOpenEnded`: the last word may be unfinished (no space typed after it yet). */
export function planQuery(index: CatalogIndex, dictionary: SearchDictionary, query: string, isOpenEnded = false): Slot[] {
  const words = queryWords(query);
  const slots: Slot[] = [];
  for (let start = 0; start < words.length; ) {
    let length = Math.min(MAX_TERM_WORDS, words.length - start);
    let expansions: string[][] = [];
    let isStopPhrase = false;
    for (; length >= 1; length--) {
      expansions = dictionary.expansionsOf(words, start, length);
      isStopPhrase = length >= 2 && STOP_PHRASE_SET.has(words.slice(start, start + length).join(' '));
      if (expansions.length > 0 || isStopPhrase) break;
    }
    if (length === 0) length = 1;
    const span = words.slice(start, start + length);
    const isStop = isStopPhrase || (length === 1 && STOP_WORDS.has(span[0]!));
    const isLast = start + length === words.length;
    let alternatives: Alternative[] = [];
    if (span.every((word) => index.has(word))) alternatives.push({ words: span, weight: 1, kind: 'original' });
    for (const expansion of expansions) alternatives.push({ words: expansion, weight: 1, kind: 'synonym' });
    if (length === 1 && expansions.length === 0) {
      const word = span[0]!;
      if (index.has(word)) {
        if (isLast && isOpenEnded) {
          for (const prefixed of index.wordsStartingWith(word, 4)) {
            if (prefixed !== word) alternatives.push({ words: [prefixed], weight: 0.6, kind: 'prefix' });
          }
        }
      } else if (!isStop) {
        alternatives = withSynonyms(dictionary, correctWord(index, dictionary, word, isLast && isOpenEnded));
      }
    }
    slots.push({ words: span, isStop, alternatives, weight: slotWeight(index, alternatives) });
    start += length;
  }
  correctInContext(index, dictionary, slots);
  weighBeneficiaries(slots);
  // A query made only of fillers ("thủ tục") still means something: its words then count.
  if (!slots.some((slot) => !slot.isStop && slot.alternatives.length > 0)) for (const slot of slots) slot.isStop = false;
  return slots;
}

/**
 * A typo can land on another real word: "căng cước" is "cảng" (port) + "cước", "kết hông" is "kết" + "hỏng". When a
 * known word pairs with neither neighbour anywhere in the catalog, its confusion variants and one-letter neighbours that
 * do pair with a neighbour become alternatives ("can cuoc", "ket hon").
 */
function correctInContext(index: CatalogIndex, dictionary: SearchDictionary, slots: Slot[]) {
  const single = (slot: Slot | undefined) =>
    slot && slot.words.length === 1 && slot.alternatives[0]?.kind === 'original' ? slot.words[0]! : null;
  slots.forEach((slot, position) => {
    const word = single(slot);
    if (!word || slot.isStop) return;
    const before = single(slots[position - 1]);
    const after = single(slots[position + 1]);
    if (before === null && after === null) return;
    const pairsWith = (candidate: string) =>
      (before !== null && index.isKnownPair(before, candidate)) || (after !== null && index.isKnownPair(candidate, after));
    if (pairsWith(word)) return;
    const candidates = new Set([
      ...confusionVariants(word),
      ...nearbyWords(index, dictionary, word)
        .filter((entry) => entry.distance === 1)
        .map((entry) => entry.word),
    ]);
    for (const candidate of candidates) {
      if (index.has(candidate) && pairsWith(candidate)) slot.alternatives.push({ words: [candidate], weight: 0.85, kind: 'correction' });
    }
    slot.weight = slotWeight(index, slot.alternatives);
  });
}

/** Words after "cho" say who the procedure is for ("… cho con", "… cho người nước ngoài"): they refine, they count less. */
function weighBeneficiaries(slots: Slot[]) {
  let isAfterFor = false;
  for (const slot of slots) {
    if (slot.words.length === 1 && slot.words[0] === 'cho') isAfterFor = true;
    else if (isAfterFor && !slot.isStop) slot.weight *= 0.6;
  }
}

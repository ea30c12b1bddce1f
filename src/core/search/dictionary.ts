/*
 * The synonym and abbreviation dictionary, compiled for query time: "lltp" → "ly lich tu phap", "so do" → "giay
 * chung nhan quyen su dung dat"... Entries are data (table search_synonyms, edited by administrators); this file
 * only matches them against a query's words.
 */
import { toSearchForm } from '../text';
import { splitWords } from './words';

export type SynonymEntry = { term: string; expansion: string };

/** Longest term, in words, that the dictionary matches: longer entries are refused by the API. */
export const MAX_TERM_WORDS = 5;

export class SearchDictionary {
  private readonly expansions = new Map<string, string[][]>();
  /** Terms of one word, for typo correction: "lltb" is one edit from the abbreviation "lltp". */
  readonly singleWordTerms: string[] = [];

  constructor(entries: readonly SynonymEntry[]) {
    for (const entry of entries) {
      const term = splitWords(toSearchForm(entry.term));
      const expansion = splitWords(toSearchForm(entry.expansion));
      if (term.length === 0 || expansion.length === 0 || term.length > MAX_TERM_WORDS) continue;
      const key = term.join(' ');
      const list = this.expansions.get(key) ?? [];
      if (!list.some((words) => words.join(' ') === expansion.join(' '))) list.push(expansion);
      this.expansions.set(key, list);
    }
    for (const key of this.expansions.keys()) if (!key.includes(' ')) this.singleWordTerms.push(key);
  }

  get size(): number {
    return this.expansions.size;
  }

  /** Expansions of the words `words[start..start+length)` taken as one term, or none. */
  expansionsOf(words: readonly string[], start: number, length: number): string[][] {
    return this.expansions.get(words.slice(start, start + length).join(' ')) ?? [];
  }

  hasTerm(term: string): boolean {
    return this.expansions.has(term);
  }
}

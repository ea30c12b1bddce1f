import { Fragment } from 'react';
import { toSearchForm } from '../../../../src/core/text';

/**
 * `text` with the words the search matched marked, whatever their accents: "ly lich" marks "Lý lịch". `words` are in
 * search form (the API's matchedWords).
 */
export function HighlightedText({ text, words }: { text: string; words: readonly string[] }) {
  if (words.length === 0) return <>{text}</>;
  const wanted = new Set(words);
  const parts = text.split(/([\p{L}\p{N}]+)/u);
  return (
    <>
      {parts.map((part, position) =>
        // Odd positions are the words captured by the split; even ones what lies between them.
        position % 2 === 1 && wanted.has(toSearchForm(part)) ? (
          <mark key={position} className="search-match">
            {part}
          </mark>
        ) : (
          <Fragment key={position}>{part}</Fragment>
        ),
      )}
    </>
  );
}

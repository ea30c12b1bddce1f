import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

const SEARCH_DELAY_MS = 250;

/**
 * Text typed in a search box, written to `onCommit` 250 ms after the user stops typing.
 * `committed` is the value currently in force (e.g. the URL); when it changes from outside
 * (back button, a link) the box follows it.
 */
export function useSearchText(committed: string, onCommit: (value: string) => void) {
  const [text, setText] = useState(committed);
  const [debounced] = useDebouncedValue(text, SEARCH_DELAY_MS);
  const lastCommitted = useRef(committed);

  useEffect(() => {
    if (committed !== lastCommitted.current) {
      lastCommitted.current = committed;
      setText(committed);
    }
  }, [committed]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: onCommit is recreated on every render; only a new debounced value should commit
  useEffect(() => {
    const value = debounced.trim();
    if (value === lastCommitted.current) return;
    lastCommitted.current = value;
    onCommit(value);
  }, [debounced]);

  return [text, setText] as const;
}

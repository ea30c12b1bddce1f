import { InputShapeError, MAX_INPUT_DEPTH } from './text';

type Frame = { isObject: true; keys: Set<string>; key: string | undefined; expectsKey: boolean } | { isObject: false; index: number };

/**
 * Checks the structure of a JSON text that JSON.parse has already accepted: no object repeats a key (JSON.parse
 * silently keeps the last one, so `{"status":"a","status":"b"}` would mean whatever the last parser in a chain of
 * proxies and services decided), and nothing is nested deeper than MAX_INPUT_DEPTH. One linear pass with its own
 * stack (no recursion, so a 100 000-deep text cannot exhaust the call stack). JSON.parse's own reviver cannot see
 * duplicates and the JSON libraries that can build a tree first; this check is short enough to own.
 * Throws InputShapeError ('duplicate_key' or 'too_deep') with the path of the fault.
 */
export function checkJsonStructure(text: string): void {
  const stack: Frame[] = [];
  const pathOf = () => stack.map((frame) => (frame.isObject ? (frame.key ?? '') : String(frame.index)));
  const fail = (error: InputShapeError, path: string[]) => {
    error.path.push(...path);
    throw error;
  };
  for (let position = 0; position < text.length; position++) {
    const character = text[position];
    if (character === '"') {
      const start = position;
      position++;
      while (text[position] !== '"') position += text[position] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.isObject && top.expectsKey) {
        const raw = text.slice(start + 1, position);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(start, position + 1)) as string) : raw;
        top.key = key;
        top.expectsKey = false;
        if (top.keys.has(key)) fail(new InputShapeError('duplicate_key'), pathOf());
        top.keys.add(key);
      }
    } else if (character === '{' || character === '[') {
      if (stack.length > MAX_INPUT_DEPTH) fail(new InputShapeError('too_deep'), pathOf());
      stack.push(character === '{' ? { isObject: true, keys: new Set(), key: undefined, expectsKey: true } : { isObject: false, index: 0 });
    } else if (character === '}' || character === ']') {
      stack.pop();
    } else if (character === ',') {
      const top = stack[stack.length - 1];
      if (top?.isObject) top.expectsKey = true;
      else if (top) top.index++;
    }
  }
}

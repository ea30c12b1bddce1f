import { describe, expect, it } from 'vitest';
import { checkJsonStructure } from './json-text';
import { InputShapeError, MAX_INPUT_DEPTH } from './text';

function faultOf(text: string) {
  JSON.parse(text); // the check runs on texts JSON.parse accepted
  try {
    checkJsonStructure(text);
  } catch (error) {
    if (error instanceof InputShapeError) return { fault: error.fault, path: error.path.join('.') };
    throw error;
  }
  return undefined;
}

describe('the structure of a JSON text', () => {
  it('finds a repeated key at any depth, however it is escaped', () => {
    expect(faultOf('{"status":"a","status":"b"}')).toEqual({ fault: 'duplicate_key', path: 'status' });
    expect(faultOf('{"a":[1,{"x":1,"y":{"k":1,"k":2}}]}')).toEqual({ fault: 'duplicate_key', path: 'a.1.y.k' });
    expect(faultOf('{"a":1,"\\u0061":2}')).toEqual({ fault: 'duplicate_key', path: 'a' });
  });

  it('accepts the same key in different objects and key-like text inside strings', () => {
    expect(faultOf('[{"a":1},{"a":2}]')).toBeUndefined();
    expect(faultOf('{"a":{"a":{"a":1}}}')).toBeUndefined();
    expect(faultOf('{"a":"\\"a\\":1,","b":["a","a"],"c":"{\\"a\\":1}"}')).toBeUndefined();
    expect(faultOf('{"a\\\\":1,"a":2}')).toBeUndefined();
    expect(faultOf('"text"')).toBeUndefined();
  });

  it('refuses nesting past the limit without recursion', () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    expect(faultOf(nested(MAX_INPUT_DEPTH + 1))).toBeUndefined();
    expect(faultOf(nested(MAX_INPUT_DEPTH + 2))?.fault).toBe('too_deep');
    expect(faultOf(nested(100_000))?.fault).toBe('too_deep');
  });
});

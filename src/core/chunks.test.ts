import { describe, expect, it } from 'vitest';
import { chunksOf } from './chunks';

describe('chunksOf', () => {
  it('keeps order and sizes, the last slice shorter', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([], 3)).toEqual([]);
  });

  it('refuses a size that would never advance', () => {
    expect(() => chunksOf([1], 0)).toThrow(RangeError);
  });
});

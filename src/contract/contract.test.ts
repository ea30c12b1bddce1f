import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = import.meta.dirname;
const sources = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('the API contract', () => {
  it('imports nothing but zod and itself, so that the web bundle can use it', () => {
    const foreign = sources.flatMap((name) =>
      [...readFileSync(join(folder, name), 'utf8').matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)/g)]
        .map((match) => match[1] ?? match[2]!)
        .filter((specifier) => specifier !== 'zod' && !/^\.\/[\w-]+$/.test(specifier))
        .map((specifier) => `${name}: ${specifier}`),
    );
    expect(sources.length).toBeGreaterThan(5);
    expect(foreign).toEqual([]);
  });
});

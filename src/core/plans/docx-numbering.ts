import { SaxesParser } from 'saxes';

/**
 * Word's automatic numbering (word/numbering.xml), enough to write a paragraph's number as the document shows it:
 * each list level's format (decimal, letters, roman numerals, bullets) and text ("%1.", "%1.%2.", "%3)").
 */
type Level = { format: string; text: string; start: number };
export type NumberingDefinitions = Map<string, Map<number, Level>>;

export function readNumberingDefinitions(xml: string): NumberingDefinitions {
  const abstract = new Map<string, Map<number, Level>>();
  const instances = new Map<string, string>();
  const parser = new SaxesParser();
  let abstractId: string | null = null;
  let numId: string | null = null;
  let level: { index: number; value: Level } | null = null;
  parser.on('opentag', (tag) => {
    const value = (name: string) => {
      return tag.attributes[name] as string | undefined;
    };
    if (tag.name === 'w:abstractNum') {
      abstractId = value('w:abstractNumId') ?? null;
      if (abstractId) abstract.set(abstractId, new Map());
    } else if (tag.name === 'w:lvl' && abstractId)
      level = { index: Number(value('w:ilvl')) || 0, value: { format: 'decimal', text: '', start: 1 } };
    else if (tag.name === 'w:numFmt' && level) level.value.format = value('w:val') ?? 'decimal';
    else if (tag.name === 'w:lvlText' && level) level.value.text = value('w:val') ?? '';
    else if (tag.name === 'w:start' && level) level.value.start = Number(value('w:val')) || 1;
    else if (tag.name === 'w:num') numId = value('w:numId') ?? null;
    else if (tag.name === 'w:abstractNumId' && numId) instances.set(numId, value('w:val') ?? '');
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:lvl' && level && abstractId) {
      abstract.get(abstractId)?.set(level.index, level.value);
      level = null;
    } else if (tag.name === 'w:abstractNum') abstractId = null;
    else if (tag.name === 'w:num') numId = null;
  });
  try {
    parser.write(xml).close();
  } catch {
    return new Map();
  }
  const definitions: NumberingDefinitions = new Map();
  for (const [instance, abstractRef] of instances) {
    const levels = abstract.get(abstractRef);
    if (levels) definitions.set(instance, levels);
  }
  return definitions;
}

function toRoman(value: number): string {
  const numerals: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = value;
  let roman = '';
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      roman += numeral;
      rest -= amount;
    }
  }
  return roman;
}

function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return String.fromCharCode(96 + (((value - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((value - 1) % 26) + 1));
    case 'lowerRoman':
      return toRoman(value).toLowerCase();
    case 'upperRoman':
      return toRoman(value);
    default:
      return String(value);
  }
}

/** Counters of the lists a document has used so far. */
export class Numbering {
  private readonly counters = new Map<string, number[]>();
  constructor(private readonly definitions: NumberingDefinitions) {}

  next(numId: string, level: number): string {
    const levels = this.definitions.get(numId);
    const definition = levels?.get(level);
    if (!levels || !definition) return '';
    if (definition.format === 'bullet') return '-';
    if (definition.format === 'none') return '';
    const counters = this.counters.get(numId) ?? [];
    counters[level] = (counters[level] ?? definition.start - 1) + 1;
    counters.length = level + 1;
    this.counters.set(numId, counters);
    return definition.text.replace(/%(\d)/g, (_, index: string) => {
      const at = Number(index) - 1;
      const levelDefinition = levels.get(at);
      return formatNumber(counters[at] ?? levelDefinition?.start ?? 1, levelDefinition?.format ?? 'decimal');
    });
  }
}

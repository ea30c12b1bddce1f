import type { PlanBlock } from './lines';

/**
 * The plan's outline: headings I. / 1. / 1.1. / a) / (i) / - / + / * nested as the document nests them. The major
 * levels (Phụ lục, I., 1., 1.1.) have a fixed order; the minor ones (a), (i), -, +, *) nest in the order a section
 * first uses them, as lists do: a marker already open further up closes what is below it.
 */
export type MarkerKind = 'root' | 'appendix' | 'roman' | 'number' | 'dotted' | 'letter' | 'paren' | 'dash' | 'plus' | 'star';
export type FieldKind = 'lead' | 'coordinating' | 'executors' | 'deadline' | 'deliverables';

export type OutlineNode = {
  kind: MarkerKind;
  /** The marker's label: "II", "1", "1.2", "a", "iii"; "" for bullets. */
  label: string;
  /** The heading's or item's own text, after its marker. */
  text: string;
  field: { kind: FieldKind; value: string } | null;
  children: OutlineNode[];
  /** Unmarked paragraphs that follow the heading. */
  paragraphs: string[];
  tables: string[][][];
  parent: OutlineNode | null;
};

const MARKERS: { kind: MarkerKind; pattern: RegExp }[] = [
  { kind: 'appendix', pattern: /^((?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?[IVXL\d]+)?)[.:\s]*(.*)$/u },
  { kind: 'roman', pattern: /^([IVXL]+)[.)]\s+(.*)$/u },
  { kind: 'dotted', pattern: /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(.*)$/u },
  { kind: 'number', pattern: /^(\d{1,2})[.)/]\s+(.*)$/u },
  { kind: 'letter', pattern: /^([a-zđ])[)/]\s*(.*)$/u },
  { kind: 'letter', pattern: /^([a-zđ])\.\s+(\p{Lu}.*)$/u },
  { kind: 'paren', pattern: /^\(([ivx]+|\d{1,2}|[a-zđ])\)\s*(.*)$/u },
  { kind: 'dash', pattern: /^()[-–—•]\s*(.*)$/u },
  { kind: 'plus', pattern: /^()\+\s*(.*)$/u },
  { kind: 'star', pattern: /^()\*\s*(.*)$/u },
];

const FIELD_LABELS: { kind: FieldKind; pattern: RegExp }[] = [
  { kind: 'lead', pattern: /^(?:(?:Cơ quan|Đơn vị|Bộ phận)\s+)?chủ trì(?:\s+thực hiện)?\s*:\s*/iu },
  { kind: 'coordinating', pattern: /^(?:(?:Cơ quan|Đơn vị|Bộ phận)\s+)?phối hợp(?:\s+thực hiện)?\s*:\s*/iu },
  {
    kind: 'executors',
    pattern:
      /^(?:(?:Cơ quan|Đơn vị|Bộ phận)\s+(?:thực hiện|thực hiện và phối hợp)|Trách nhiệm(?:\s+thực hiện)?|Phân công(?:\s+thực hiện)?)\s*:\s*/iu,
  },
  {
    kind: 'deadline',
    pattern: /^(?:Thời hạn|Thời gian|Tiến độ|Mốc thời gian)(?:\s+(?:hoàn thành|thực hiện|triển khai|trình))?\s*(?::\s*)?/iu,
  },
  { kind: 'deliverables', pattern: /^(?:Sản phẩm|Kết quả)(?:\s+(?:đầu ra|đạt được|thực hiện|cần đạt))?\s*:\s*/iu },
];

/** A deadline written inside a sentence: "Đối với …, thời hạn hoàn thành trước ngày 31/12/2025." */
const INLINE_DEADLINE = /(?:thời hạn|thời gian)\s+hoàn thành/iu;

/** Paragraphs that close the body ("Trên đây là Kế hoạch…", "Trong quá trình thực hiện, nếu có khó khăn…"). */
const CLOSING = /^(?:Trên đây là|Trong quá trình (?:tổ chức )?(?:triển khai )?thực hiện|Quá trình thực hiện,? nếu)/iu;

function majorRank(node: OutlineNode): number | null {
  switch (node.kind) {
    case 'root':
      return -1;
    case 'appendix':
      return 0;
    case 'roman':
      return 1;
    case 'number':
      return 2;
    case 'dotted':
      return 1 + node.label.split('.').length;
    default:
      return null;
  }
}

export function readField(text: string): OutlineNode['field'] {
  for (const { kind, pattern } of FIELD_LABELS) {
    const match = pattern.exec(text);
    if (match) {
      // "Thời gian" alone opens many sentences; it is a field only with a colon or a deadline after it.
      if (kind === 'deadline' && !/:/.test(match[0]) && !/(?:hoàn thành|thực hiện)/iu.test(match[0])) continue;
      return { kind, value: text.slice(match[0].length).trim() };
    }
  }
  if (INLINE_DEADLINE.test(text)) return { kind: 'deadline', value: text };
  return null;
}

function newNode(kind: MarkerKind, label: string, text: string, parent: OutlineNode | null): OutlineNode {
  return { kind, label, text, field: null, children: [], paragraphs: [], tables: [], parent };
}

export function buildOutline(blocks: PlanBlock[]): { root: OutlineNode; closing: string[] } {
  const root = newNode('root', '', '', null);
  const closing: string[] = [];
  let top = root;
  let isClosed = false;
  for (const block of blocks) {
    if (block.kind === 'table') {
      top.tables.push(block.rows);
      continue;
    }
    const text = block.text;
    if (/^(?:PHỤ LỤC|Phụ lục)(?![\p{L}])/u.test(text)) isClosed = false; // an appendix follows the closing
    if (isClosed || CLOSING.test(text)) {
      isClosed = true;
      closing.push(text);
      continue;
    }
    const marker = MARKERS.map(({ kind, pattern }) => ({ kind, match: pattern.exec(text) })).find((item) => item.match);
    if (!marker?.match) {
      const field = readField(text);
      if (field) {
        const owner = nearestMajor(top);
        const node = newNode('star', '', text, owner);
        node.field = field;
        owner.children.push(node);
        top = owner;
      } else top.paragraphs.push(text);
      continue;
    }
    const node = newNode(marker.kind, marker.match[1] ?? '', (marker.match[2] ?? '').trim(), null);
    node.field = readField(node.text);
    top = place(node, top);
  }
  return { root, closing };
}

function nearestMajor(node: OutlineNode): OutlineNode {
  let current = node;
  while (majorRank(current) === null && current.parent) current = current.parent;
  return current;
}

/** Puts `node` into the tree after `top` (the last node placed); returns the new last node. */
function place(node: OutlineNode, top: OutlineNode): OutlineNode {
  const rank = majorRank(node);
  let parent = top;
  if (rank !== null) {
    while (parent.parent && (majorRank(parent) === null || (majorRank(parent) as number) >= rank)) parent = parent.parent;
  } else if (node.field && node.kind !== 'dash') {
    // A "* Thời hạn hoàn thành: …" after items a) b) c) is the section's, not the last item's.
    parent = nearestMajor(top);
  } else {
    // A minor marker already open above (up to the nearest major heading) makes this node its sibling.
    let cursor: OutlineNode | null = top;
    while (cursor && majorRank(cursor) === null) {
      if (cursor.kind === node.kind) {
        parent = cursor.parent as OutlineNode;
        break;
      }
      cursor = cursor.parent;
    }
  }
  node.parent = parent;
  parent.children.push(node);
  return node;
}

/*
 * Word-level rules of Vietnamese procedure search (docs/adr/0001-vietnamese-search.md). Every function works on the
 * search form of src/core/text.ts (no accents, đ → d, lower case, [a-z0-9] words): pure, no I/O.
 */

/**
 * Question and filler words that surround a procedure's words in what citizens type ("… ở đâu", "… bao nhiêu",
 * "thủ tục …", "xin …"). They are not required to match — a query made of a procedure's words plus "ở đâu" finds
 * the procedure — but they still count a little in the ranking. Multi-word fillers are listed as phrases.
 */
export const STOP_PHRASES: readonly string[] = [
  'thu tuc',
  'o dau',
  'bao nhieu',
  'bao lau',
  'gom nhung gi',
  'nhung gi',
  'nhu the nao',
  'the nao',
  'lam sao',
  'can gi',
  'giay to gi',
  'ho so gi',
  'huong dan',
  'le phi',
  'chi phi',
  'mau don',
  'ho so',
  'nop o',
  'can nhung',
];

export const STOP_WORDS: ReadonlySet<string> = new Set([
  'xin',
  'lam',
  'muon',
  'toi',
  'can',
  'gi',
  'nao',
  'cho',
  'cua',
  'va',
  'voi',
  'o',
  'tai',
  'de',
  'la',
  'co',
  'khong',
  'duoc',
  'mat',
  'het',
  'bi',
  'phi',
  'tien',
  'nop',
  'cach',
  'nhung',
  'cac',
  'mot',
  'the',
  'dau',
  've',
  'khi',
  'thi',
  'ai',
  'sao',
  'ntn',
  'hs',
  'tt',
  'tthc',
  'online',
  'truc',
  'tuyen',
  'nhanh',
  'moi',
  'nhat',
  'u',
  'a',
  'oi',
  'nhe',
  'vay',
  'ne',
]);

const VOWELS = /[aeiouy]/;

export const hasVowel = (word: string) => VOWELS.test(word);

/**
 * What telex and VNI typing leave in a word when the keyboard's input method was off: "phaps" (pháp), "dduwowngf"
 * (đường), "vie65t" (việt). Vietnamese syllables never end in s, f, r, x, j, nor hold w or digits after their first
 * vowel, so those are dropped; aa/ee/oo/dd (â, ê, ô, đ) collapse. Returns the word unchanged when it holds no such
 * leftover.
 */
export function removeTypingLeftovers(word: string): string {
  if (/^[0-9]+$/.test(word)) return word;
  let cleaned = /[a-z]/.test(word) ? word.replace(/[0-9]/g, '') : word;
  cleaned = cleaned.replace(/^dd/, 'd');
  const firstVowel = cleaned.search(VOWELS);
  if (firstVowel < 0) return cleaned;
  // gi and qu: the i and u belong to the initial consonant; the vowel nucleus starts after them.
  const nucleus = /^(gi|qu)[aeiouy]/.test(cleaned) ? firstVowel + 1 : firstVowel;
  const head = cleaned.slice(0, nucleus);
  const tail = cleaned
    .slice(nucleus)
    .replace(/aa|aw/g, 'a')
    .replace(/ee/g, 'e')
    .replace(/oo|ow/g, 'o')
    .replace(/uw/g, 'u')
    .replace(/(?<=.)[sfrxjzw]/g, '')
    .replace(/^w/, 'u');
  return head + tail;
}

/** Initial consonants people confuse (dialects, keyboard): s/x, ch/tr, d/gi/r/v, l/n, c/k, g/gh, ng/ngh. */
const INITIAL_CONFUSIONS: readonly (readonly string[])[] = [
  ['s', 'x'],
  ['ch', 'tr'],
  ['d', 'gi', 'r', 'v'],
  ['l', 'n'],
  ['c', 'k', 'q'],
  ['g', 'gh'],
  ['ng', 'ngh'],
];
/** Final consonants people confuse: n/ng/nh, c/t/ch, i/y. */
const FINAL_CONFUSIONS: readonly (readonly string[])[] = [
  ['n', 'ng', 'nh'],
  ['c', 't', 'ch'],
  ['i', 'y'],
  ['u', 'o'],
];

const INITIAL = /^(ngh|ng|gh|gi|ch|tr|kh|ph|th|nh|qu|[bcdghklmnpqrstvx])?/;
const FINAL = /(ng|nh|ch|[cmnpt]|i|y|u|o)$/;

function swaps(part: string, groups: readonly (readonly string[])[]): string[] {
  return groups.filter((group) => group.includes(part)).flatMap((group) => group.filter((other) => other !== part));
}

/**
 * Spellings that the usual Vietnamese confusions turn `word` into (one initial, one final or both): "xinh" →
 * "sinh", "tru" → "chu", "ket" → "kec"... Unfiltered: the caller keeps those the catalog knows.
 */
export function confusionVariants(word: string): string[] {
  const initial = INITIAL.exec(word)?.[0] ?? '';
  const rest = word.slice(initial.length);
  const finalMatch = rest.length > 1 ? FINAL.exec(rest) : null;
  const final = finalMatch?.[0] ?? '';
  const middle = rest.slice(0, rest.length - final.length);
  const initials = [initial, ...swaps(initial, INITIAL_CONFUSIONS)];
  const finals = [final, ...(final ? swaps(final, FINAL_CONFUSIONS) : [])];
  const variants = new Set<string>();
  for (const start of initials) for (const end of finals) variants.add(start + middle + end);
  variants.delete(word);
  return [...variants];
}

/** The words of a text in search form, in order (the search form is [a-z0-9 ]). */
export const splitWords = (searchForm: string): string[] => searchForm.split(' ').filter(Boolean);

/** The initials of words: "ly lich tu phap" → "lltp". */
export const initialsOf = (words: readonly string[]) => words.map((word) => word[0]).join('');

/**
 * Words that mark a special case or a later step of a procedure: "Cấp lại …", "… lưu động", "… có yếu tố nước ngoài".
 * A query that names none of them means the plain procedure ("đăng ký khai sinh" is not "đăng ký lại khai sinh"
 * nor "đăng ký khai sinh lưu động"), so a name holding them ranks a little lower.
 */
export const VARIANT_MARKERS: readonly string[] = [
  'cap lai',
  'cap doi',
  'gia han',
  'dieu chinh',
  'xoa',
  'cham dut',
  'thu hoi',
  'dang ki lai',
  'thay doi',
  'bo sung',
  'sua doi',
  'huy',
  'tam ngung',
  'giai the',
  'luu dong',
  'yeu to nuoc ngoai',
  'khu vuc bien gioi',
  'truong hop',
  'ket hop',
  'trinh bao',
  'khoi phuc',
  'ghi vao so',
  'chuyen doi',
  'lien thong',
  'theo yeu cau',
];

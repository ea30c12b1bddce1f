import { toSearchForm } from '../text';

/**
 * Unit names as a plan writes them: where a list of units starts and ends in a sentence, and how it splits into one
 * entry per unit. Only the genre's words are known here (the kinds of body — Sở, UBND, Văn phòng, Phòng… — and the
 * verbs that end a list); no unit of any particular province. Names stay as written; matching them to the unit
 * tree is unit-matcher.ts.
 */

/** Words a unit's name starts with (lower case, as written). */
const HEAD_WORDS = [
  'các',
  'sở',
  'ban',
  'bộ',
  'cục',
  'chi cục',
  'tổng cục',
  'văn phòng',
  'phòng',
  'trung tâm',
  'ủy ban',
  'uỷ ban',
  'ubnd',
  'hđnd',
  'hội đồng',
  'công an',
  'bộ chỉ huy',
  'thanh tra',
  'kho bạc',
  'ngân hàng',
  'bảo hiểm',
  'bhxh',
  'thuế',
  'hải quan',
  'đài',
  'báo',
  'tỉnh đoàn',
  'đoàn',
  'hội',
  'liên đoàn',
  'liên minh',
  'mặt trận',
  'bưu điện',
  'bộ phận',
  'tổ công tác',
  'cơ quan',
  'đơn vị',
  'lãnh đạo',
  'giám đốc',
  'phó giám đốc',
  'chủ tịch',
  'phó chủ tịch',
  'thủ trưởng',
  'trưởng',
  'chánh',
  'viện',
  'bệnh viện',
  'ngành',
  'địa phương',
  'doanh nghiệp',
  'đảng ủy',
  'đảng uỷ',
  'tòa án',
  'toà án',
  'chi nhánh',
  'tổng công ty',
  'công ty',
  'hiệp hội',
  'quỹ',
  'công chức',
  'cán bộ',
  'vp',
  'stp',
  'bql',
];
/** Upper-case words that are not bodies although they look like abbreviations of one. */
const NOT_UNIT_ABBREVIATIONS = new Set(['TTHC', 'CNTT', 'CCHC', 'DVC', 'DVCTT', 'NQ', 'CP', 'KH', 'QĐ', 'NĐ', 'TW', 'VN', 'CSDL']);

/** Verbs and linking words that end a list of units ("… chủ trì", "… thực hiện", "… để …"). */
const STOP_WORDS = [
  'thực hiện',
  'tổ chức',
  'triển khai',
  'chủ trì',
  'phối hợp',
  'chủ động',
  'tham mưu',
  'có trách nhiệm',
  'chịu trách nhiệm',
  'xây dựng',
  'rà soát',
  'cập nhật',
  'lập',
  'kiểm thử',
  'tập huấn',
  'hướng dẫn',
  'kiểm tra',
  'theo dõi',
  'đôn đốc',
  'tổng hợp',
  'báo cáo',
  'hoàn thiện',
  'hoàn thành',
  'nâng cấp',
  'nâng cao',
  'ban hành',
  'trình',
  'đề xuất',
  'công bố',
  'công khai',
  'cung cấp',
  'tiếp nhận',
  'giải quyết',
  'đánh giá',
  'thống kê',
  'bảo đảm',
  'đảm bảo',
  'nghiên cứu',
  'tuyên truyền',
  'phổ biến',
  'kết nối',
  'chia sẻ',
  'số hóa',
  'số hoá',
  'vận hành',
  'niêm yết',
  'hỗ trợ',
  'xử lý',
  'đào tạo',
  'bồi dưỡng',
  'phát triển',
  'ứng dụng',
  'hệ thống hóa',
  'hệ thống hoá',
  'tiếp thu',
  'trả lời',
  'lồng ghép',
  'quản lý',
  'khai thác',
  'sử dụng',
  'bố trí',
  'phân công',
  'xác định',
  'kịp thời',
  'kiện toàn',
  'tập trung',
  'tiếp tục',
  'căn cứ',
  'giúp',
  'đẩy mạnh',
  'tăng cường',
  'duy trì',
  'thẩm định',
  'cắt giảm',
  'đơn giản hóa',
  'đơn giản hoá',
  'tái cấu trúc',
  'tính toán',
  'chuẩn bị',
  'chuẩn hóa',
  'chuẩn hoá',
  'khảo sát',
  'điều tra',
  'thu thập',
  'lấy ý kiến',
  'soạn thảo',
  'dự thảo',
  'thẩm tra',
  'điều chỉnh',
  'sửa đổi',
  'bổ sung',
  'bãi bỏ',
  'thay thế',
  'thành lập',
  'lựa chọn',
  'quán triệt',
  'đăng tải',
  'mở rộng',
  'thiết lập',
  'tích hợp',
  'áp dụng',
  'tiến hành',
  'rút ngắn',
  'kiến nghị',
  'gửi',
  'giao',
  'tham gia',
  'đề nghị',
  'yêu cầu',
  'chỉ đạo',
  'để',
  'nhằm',
  'về việc',
  'về',
  'phê duyệt',
  'trên',
  'với',
  'khi',
  'theo',
  'tại',
  'đối với',
  'thì',
  'là',
  'được',
];
/** Case-sensitive: a unit's own name capitalises its words ("Phòng Xây dựng", "Sở Kế hoạch và Đầu tư"), a verb does not. */
const STOP_PATTERN = new RegExp(`^(?:${STOP_WORDS.join('|')})(?![\\p{L}\\d])`, 'u');

/** Generic words for a kind of body, which "Sở, ngành" or "các cơ quan, đơn vị" join into one entry. */
const CATEGORY_WORDS = /^(?:các\s+)?(?:sở|ban|ngành|cơ quan|đơn vị|phòng|địa phương|đoàn thể|huyện|xã)(?![\p{L}])/iu;
/** A bare kind of body, possibly behind its head's title: "Sở", "các cơ quan", "Lãnh đạo các phòng". */
const BARE_CATEGORY = /^(?:(?:thủ trưởng|lãnh đạo|giám đốc|trưởng)\s+)?(?:các\s+)?(?:sở|ban|ngành|cơ quan|đơn vị|phòng|địa phương)$/iu;

/** Openings that begin with a head word but are not a body: "Ban hành …", "Báo cáo …", "các thủ tục …". */
const NOT_UNIT_OPENINGS =
  /^(?:ban hành|báo cáo|báo chí|trường hợp|phòng,? chống|phòng ngừa|hội nghị|hội thảo|đoàn kết|quỹ đất|cục bộ|bộ máy|bộ thủ tục|bộ công cụ|bộ tiêu chí|bộ hồ sơ|bộ phận một cửa bất kỳ|đơn vị tính|ngành nghề|cơ quan hành chính nhà nước|các (?!sở|ban|ngành|cơ quan|đơn vị|phòng|địa phương|huyện|xã|tổ chức|doanh nghiệp|bộ|cục|trung tâm|chi cục|ủy ban|uỷ ban|ubnd|văn phòng|hội|đoàn|trường|bệnh viện|thành viên|công chức|cán bộ))/iu;

/** Whether `text` starts with a unit's head word ("Sở …", "UBND …", "các phòng …"). */
export function startsWithUnit(text: string): boolean {
  const trimmed = text.trim().replace(/^[("“]+/, '');
  if (NOT_UNIT_OPENINGS.test(trimmed)) return false;
  const firstWord = trimmed.split(/[\s,;:()]+/)[0] ?? '';
  // An abbreviation (UBND, VP, STP, HĐND, TT&TT), not an upper-case word with tone marks ("TỈNH").
  if (/^[A-ZĐ&]{2,}$/u.test(firstWord) && !NOT_UNIT_ABBREVIATIONS.has(firstWord)) return true;
  const lower = trimmed.slice(0, 40).toLowerCase();
  return HEAD_WORDS.some((head) => lower.startsWith(head) && !/[\p{L}\d]/u.test(lower.charAt(head.length)));
}

/**
 * Reads a list of units from the start of `text` up to the verb that ends it; returns the entries and how many
 * characters the list took. Empty when `text` does not start with a unit.
 */
export function readUnitList(text: string): { units: string[]; length: number } {
  if (!startsWithUnit(text)) return { units: [], length: 0 };
  const end = findListEnd(text);
  return { units: splitUnits(text.slice(0, end)), length: end };
}

/** Where a list of units ends: at a stop word or a sentence's end, outside parentheses. */
function findListEnd(text: string): number {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const character = text[at] as string;
    if (character === '(') depth++;
    else if (character === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (character === '.' && !/^\.\d/.test(text.slice(at)) && !/\b(?:TP|Tp|tp)$/.test(text.slice(0, at))) return at;
    if (character === ':' || character === '\n') return at;
    if (at === 0 || /[\s,;]/.test(text[at - 1] as string)) {
      // Anchored at the word: a list is read in one pass, whatever the length of the text after it.
      if (at > 0 && STOP_PATTERN.test(text.slice(at, at + 40))) return at;
    }
  }
  return text.length;
}

/**
 * One entry per unit: split on ";" always, on "," and " và " when what follows starts a unit of its own
 * ("Sở Tư pháp, UBND cấp huyện"; not "Sở Khoa học và Công nghệ", not "Sở Văn hóa, Thể thao và Du lịch"),
 * keeping "Sở, ngành có liên quan" and "các cơ quan, đơn vị liên quan" whole. Parentheses are never split.
 */
export function splitUnits(value: string): string[] {
  const text = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  const pieces: string[] = [];
  let current = '';
  let depth = 0;
  let at = 0;
  while (at < text.length) {
    const character = text[at] as string;
    if (character === '(') depth++;
    else if (character === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (character === ';' || character === ',')) {
      const rest = text.slice(at + 1).trim();
      if (character === ';' || shouldSplitBefore(current, rest)) {
        pieces.push(current);
        current = '';
        at++;
        continue;
      }
    }
    if (depth === 0 && text.startsWith(' và ', at)) {
      const rest = text.slice(at + 4).trim();
      if (shouldSplitBefore(current, rest)) {
        pieces.push(current);
        current = '';
        at += 4;
        continue;
      }
    }
    current += character;
    at++;
  }
  pieces.push(current);
  return pieces.map(cleanUnit).filter((piece) => piece.length > 0);
}

function shouldSplitBefore(before: string, rest: string): boolean {
  if (!startsWithUnit(rest)) return false;
  // "Văn phòng HĐND và UBND xã", "Văn phòng Đoàn ĐBQH và HĐND tỉnh": one office serving two bodies.
  if (
    /^văn phòng\s+(?:hđnd|hội đồng nhân dân|đoàn đbqh|đoàn đại biểu quốc hội)$/iu.test(before.trim()) &&
    /^(?:ubnd|ủy ban|uỷ ban|hđnd|hội đồng)/iu.test(rest)
  )
    return false;
  // "Sở, ngành …", "cơ quan, đơn vị …": a bare kind of body after a kind of body is one phrase.
  const lastPiece = before.split(',').pop()?.trim() ?? '';
  if (CATEGORY_WORDS.test(rest) && !/^các\s/iu.test(rest) && BARE_CATEGORY.test(lastPiece)) return false;
  return true;
}

function cleanUnit(value: string): string {
  return value
    .trim()
    .replace(/^(?:và|với|cùng)\s+/iu, '')
    .replace(/\s*(?:thực hiện|cùng thực hiện)$/iu, '')
    .replace(/[\s,;.:]+$/, '')
    .trim();
}

/** Adds units to a list, skipping one already there (compared without accents, case or a leading "các"). */
export function addUnits(list: string[], units: string[]): void {
  const key = (unit: string) => toSearchForm(unit).replace(/^cac /, '');
  const seen = new Set(list.map(key));
  for (const unit of units) {
    if (seen.has(key(unit))) continue;
    seen.add(key(unit));
    list.push(unit);
  }
}

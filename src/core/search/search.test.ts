import { describe, expect, it } from 'vitest';
import { CatalogIndex, type SearchDocument } from './catalog-index';
import { correctWord, expandInitials, nearbyWords, splitRunTogether } from './corrections';
import { SearchDictionary } from './dictionary';
import { planQuery } from './query-plan';
import { rankDocuments } from './rank';
import { confusionVariants, removeTypingLeftovers } from './words';

const document = (code: string, name: string, field = 'Hộ tịch', extra: Partial<SearchDocument> = {}): SearchDocument => ({
  code,
  name,
  field,
  result: '',
  components: '',
  ...extra,
});

/** A small catalog with the shapes of the real one: plain procedures, their variants, shared words. */
const catalog = new CatalogIndex([
  document('1.000001', 'Thủ tục đăng ký khai sinh'),
  document('1.000002', 'Thủ tục đăng ký khai sinh lưu động'),
  document('1.000003', 'Thủ tục đăng ký lại khai sinh'),
  document('1.000004', 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài'),
  document('1.000005', 'Thủ tục đăng ký kết hôn'),
  document('1.000006', 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài'),
  document('1.000007', 'Thủ tục đăng ký khai tử'),
  document('2.000001', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', 'Lý lịch tư pháp', { result: 'Phiếu lý lịch tư pháp' }),
  document('2.000002', 'Cấp Phiếu lý lịch tư pháp theo yêu cầu của cơ quan tiến hành tố tụng', 'Lý lịch tư pháp'),
  document('3.000001', 'Cấp giấy phép xây dựng mới đối với công trình cấp III', 'Hoạt động xây dựng'),
  document('3.000002', 'Gia hạn giấy phép xây dựng đối với công trình cấp III', 'Hoạt động xây dựng'),
  document('3.000003', 'Cấp lại giấy phép xây dựng đối với công trình cấp III', 'Hoạt động xây dựng'),
  document('4.000001', 'Cấp lại giấy phép lái xe', 'Đường bộ'),
  document('4.000002', 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên', 'Cấp, quản lý căn cước'),
  document('4.000003', 'Công bố mở cảng cá loại III', 'Thủy sản'),
  document('5.000001', 'Đăng ký thường trú', 'Đăng ký, quản lý cư trú'),
  document('5.000002', 'Xóa đăng ký thường trú', 'Đăng ký, quản lý cư trú'),
]);
const dictionary = new SearchDictionary([
  { term: 'LLTP', expansion: 'lý lịch tư pháp' },
  { term: 'hộ khẩu', expansion: 'thường trú' },
  { term: 'nhập hộ khẩu', expansion: 'đăng ký thường trú' },
  { term: 'làm', expansion: 'cấp' },
]);
const top = (query: string) => rankDocuments(catalog, dictionary, query).hits.map((hit) => catalog.documents[hit.document]!.code);

describe('typing leftovers and Vietnamese confusions', () => {
  it('removes telex and VNI leftovers', () => {
    expect(removeTypingLeftovers('phaps')).toBe('phap');
    expect(removeTypingLeftovers('dduwowngf')).toBe('duong');
    expect(removeTypingLeftovers('giaays')).toBe('giay');
    expect(removeTypingLeftovers('vie65t')).toBe('viet');
    expect(removeTypingLeftovers('sinh')).toBe('sinh');
    expect(removeTypingLeftovers('000894')).toBe('000894');
  });

  it('proposes the usual confusions of initials and finals', () => {
    expect(confusionVariants('xinh')).toContain('sinh');
    expect(confusionVariants('chu')).toContain('tru');
    expect(confusionVariants('giay')).toContain('day');
    expect(confusionVariants('hong')).toContain('hon');
    expect(confusionVariants('kec')).toContain('ket');
    expect(confusionVariants('xinh')).not.toContain('xinh');
  });
});

describe('corrections against the vocabulary', () => {
  it('finds known words one or two edits away, transpositions included', () => {
    expect(nearbyWords(catalog, dictionary, 'lihc').map((entry) => entry.word)).toContain('lich');
    expect(nearbyWords(catalog, dictionary, 'khaiiss').map((entry) => entry.word)).toEqual([]);
    // A dictionary term is a correction target too: "lltb" is one edit from the abbreviation "lltp".
    expect(nearbyWords(catalog, dictionary, 'lltb').map((entry) => entry.word)).toContain('lltp');
  });

  it('splits words run together into words seen together', () => {
    expect(splitRunTogether(catalog, 'lylichtuphap')).toEqual(['li', 'lich', 'tu', 'phap']);
    expect(splitRunTogether(catalog, 'khaisinh')).toEqual(['khai', 'sinh']);
    expect(splitRunTogether(catalog, 'zzzz')).toBeNull();
  });

  it('reads an unknown abbreviation as the initials of a catalog phrase seen twice', () => {
    expect(expandInitials(catalog, 'gpxd')).toEqual([['giay', 'phep', 'xay', 'dung']]);
    expect(expandInitials(catalog, 'qqq')).toEqual([]);
  });

  it('gives nothing for a word that resembles nothing', () => {
    expect(correctWord(catalog, dictionary, 'qqzzxx', false)).toEqual([]);
  });
});

describe('query plan', () => {
  it('keeps fillers out of the required words and expands dictionary terms, longest first', () => {
    const slots = planQuery(catalog, dictionary, 'thủ tục nhập hộ khẩu ở đâu');
    expect(slots.map((slot) => [slot.words.join(' '), slot.isStop])).toEqual([
      ['thu tuc', true],
      ['nhap ho khau', false],
      ['o dau', true],
    ]);
    expect(slots[1]!.alternatives.map((alternative) => alternative.words.join(' '))).toContain('dang ki thuong tru');
  });

  it('corrects a typo that lands on another real word when it pairs with neither neighbour', () => {
    const slots = planQuery(catalog, dictionary, 'căng cước');
    expect(slots[0]!.alternatives.map((alternative) => alternative.words.join(' '))).toContain('can');
  });
});

describe('ranked retrieval', () => {
  it('ranks the plain procedure before its variants, with or without accents', () => {
    expect(top('dang ky khai sinh')[0]).toBe('1.000001');
    expect(top('đăng ký khai sinh')[0]).toBe('1.000001');
    expect(top('dang ky khai sinh luu dong')[0]).toBe('1.000002');
    expect(top('đăng ký lại khai sinh')[0]).toBe('1.000003');
    expect(top('gpxd')[0]).toBe('3.000001');
  });

  it('does not require fillers, question words or words that are nowhere', () => {
    expect(top('đăng ký kết hôn ở đâu')[0]).toBe('1.000005');
    expect(top('lệ phí đăng ký kết hôn bao nhiêu')[0]).toBe('1.000005');
    expect(top('LLTP xin ở đâu')[0]).toBe('2.000001');
    expect(top('nhập hộ khẩu')[0]).toBe('5.000001');
  });

  it('corrects typos and suggests the catalog spelling', () => {
    const outcome = rankDocuments(catalog, dictionary, 'ly lihc tu phap');
    expect(catalog.documents[outcome.hits[0]!.document]!.code).toBe('2.000001');
    expect(outcome.suggestion).toBe('lý lịch tư pháp');
    expect(top('đăng ký kết hông')[0]).toBe('1.000005');
    expect(top('giấy phép lái se')[0]).toBe('4.000001');
    expect(top('ddawng kys keets hoon')[0]).toBe('1.000005');
    expect(top('căng cước')[0]).toBe('4.000002');
    expect(rankDocuments(catalog, dictionary, 'lý lịch tư pháp').suggestion).toBeNull();
  });

  it('puts the exact code first and cuts the weak tail', () => {
    expect(top('1.000007')[0]).toBe('1.000007');
    expect(top('khai tử')).toEqual(['1.000007']);
    expect(top('qqzzxx')).toEqual([]);
  });
});

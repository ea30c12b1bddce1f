import { describe, expect, it } from 'vitest';
import { isCollectiveUnitName, matchPlanUnits, matchUnitName, normalizeUnitName } from './unit-matcher';

/* Names written in a plan matched against a unit tree (an imaginary province: names as trees have them). */
const tree = [
  { id: 'ubnd', name: 'Ủy ban nhân dân tỉnh Bình An', shortName: 'UBND tỉnh' },
  { id: 'vp', name: 'Văn phòng Ủy ban nhân dân tỉnh Bình An', shortName: null },
  { id: 'stp', name: 'Sở Tư pháp tỉnh Bình An', shortName: null },
  { id: 'stc', name: 'Sở Tài chính', shortName: null },
  { id: 'khcn', name: 'Sở Khoa học và Công nghệ', shortName: null },
  { id: 'tttt', name: 'Sở Thông tin và Truyền thông', shortName: null },
  { id: 'pvhcc', name: 'Trung tâm Phục vụ hành chính công tỉnh', shortName: null },
  { id: 'xa1', name: 'Ủy ban nhân dân xã An Phú', shortName: null },
  { id: 'xa2', name: 'Ủy ban nhân dân xã An Bình', shortName: null },
];

describe('normalizeUnitName', () => {
  it('removes accents and case, writes abbreviations out, drops parentheses', () => {
    expect(normalizeUnitName('VP UBND tỉnh')).toBe(normalizeUnitName('Văn phòng Ủy ban nhân dân tỉnh'));
    expect(normalizeUnitName('Sở TT&TT')).toBe('so thong tin va truyen thong');
    expect(normalizeUnitName('Sở KH&CN')).toBe(normalizeUnitName('Sở Khoa học và Công nghệ'));
    expect(normalizeUnitName('STP')).toBe('so tu phap');
    expect(normalizeUnitName('UBND cấp huyện (Phòng Tư pháp tham mưu)')).toBe('ubnd cap huyen');
    expect(normalizeUnitName('Uỷ ban nhân dân tỉnh')).toBe(normalizeUnitName('ỦY BAN NHÂN DÂN TỈNH'));
  });
});

describe('matchUnitName', () => {
  it.each([
    ['Sở Tư pháp', 'stp'],
    ['STP', 'stp'],
    ['Văn phòng UBND tỉnh', 'vp'],
    ['VP UBND tỉnh', 'vp'],
    ['Sở KH&CN', 'khcn'],
    ['Sở Khoa hoc va Cong nghe', 'khcn'],
    ['Sở TT&TT', 'tttt'],
    ['Trung tâm Phục vụ hành chính công', 'pvhcc'],
    ['UBND tỉnh', 'ubnd'],
  ])('%s → %s', (name, id) => {
    expect(matchUnitName(name, tree).unitId).toBe(id);
  });

  it('leaves a name that fits nothing, or several units, to the user, with candidates', () => {
    expect(matchUnitName('Sở Y tế', tree)).toMatchObject({ unitId: null });
    const communes = matchUnitName('UBND xã', tree);
    expect(communes.unitId).toBeNull();
    expect(communes.candidates.map((candidate) => candidate.id)).toEqual(expect.arrayContaining(['xa1', 'xa2']));
  });

  it('marks collective names, which stand for many units', () => {
    for (const name of [
      'Các Sở, ban, ngành tỉnh',
      'Sở, ngành có liên quan',
      'UBND cấp xã',
      'doanh nghiệp (nếu có)',
      'các cơ quan, đơn vị liên quan',
    ]) {
      expect(isCollectiveUnitName(name)).toBe(true);
      expect(matchUnitName(name, tree).unitId).toBeNull();
    }
    expect(isCollectiveUnitName('Sở Tài chính')).toBe(false);
  });

  it('matches each distinct name of a plan once', () => {
    const matches = matchPlanUnits(['Sở Tài chính', 'sở tài chính', 'Sở Y tế'], tree);
    expect(matches.map((match) => [match.name, match.unitId])).toEqual([
      ['Sở Tài chính', 'stc'],
      ['Sở Y tế', null],
    ]);
  });
});

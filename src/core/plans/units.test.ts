import { describe, expect, it } from 'vitest';
import { readExecutors, readFromSentences, readHeadingUnits, readSubjects } from './assignments';
import { splitUnits } from './units';

/* Unit lists as plans of other provinces and departments write them. */
describe('splitUnits', () => {
  it.each([
    ['Sở Nội vụ; Sở Tài chính; UBND các huyện, thị xã, thành phố', ['Sở Nội vụ', 'Sở Tài chính', 'UBND các huyện, thị xã, thành phố']],
    ['Sở Khoa học và Công nghệ', ['Sở Khoa học và Công nghệ']],
    ['Sở Văn hóa, Thể thao và Du lịch, Sở Y tế', ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Y tế']],
    ['Sở Kế hoạch và Đầu tư và Sở Công Thương', ['Sở Kế hoạch và Đầu tư', 'Sở Công Thương']],
    ['Công an tỉnh, Bảo hiểm xã hội tỉnh và Cục Thuế tỉnh', ['Công an tỉnh', 'Bảo hiểm xã hội tỉnh', 'Cục Thuế tỉnh']],
    ['Các sở, ban, ngành tỉnh', ['Các sở, ban, ngành tỉnh']],
    ['các cơ quan, đơn vị có liên quan', ['các cơ quan, đơn vị có liên quan']],
    ['Sở, ngành liên quan và UBND cấp huyện', ['Sở, ngành liên quan', 'UBND cấp huyện']],
    [
      'Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công, Phòng Kiểm soát TTHC)',
      ['Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công, Phòng Kiểm soát TTHC)'],
    ],
    ['Sở TT&TT, VNPT tỉnh, Bưu điện tỉnh', ['Sở TT&TT', 'VNPT tỉnh', 'Bưu điện tỉnh']],
    [
      'Phòng Nội vụ, Phòng Tài chính - Kế hoạch và các phòng chuyên môn thuộc UBND huyện',
      ['Phòng Nội vụ', 'Phòng Tài chính - Kế hoạch', 'các phòng chuyên môn thuộc UBND huyện'],
    ],
    ['Sở Nông nghiệp và Môi trường.', ['Sở Nông nghiệp và Môi trường']],
  ])('%s', (text, units) => {
    expect(splitUnits(text)).toEqual(units);
  });
});

describe('who leads and who coordinates, from running text', () => {
  it('reads "X chủ trì, phối hợp với Y thực hiện"', () => {
    expect(readExecutors('Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và UBND cấp huyện thực hiện.')).toEqual({
      lead: ['Sở Nội vụ'],
      coordinating: ['Sở Tài chính', 'UBND cấp huyện'],
    });
    expect(readExecutors('Sở Xây dựng; Sở Giao thông vận tải')).toEqual({
      lead: ['Sở Xây dựng', 'Sở Giao thông vận tải'],
      coordinating: [],
    });
  });

  it('reads roles written beside the units or as labels in one cell', () => {
    expect(readExecutors('Sở Nội vụ (chủ trì); Sở Tài chính, Sở Y tế (phối hợp)')).toEqual({
      lead: ['Sở Nội vụ'],
      coordinating: ['Sở Tài chính', 'Sở Y tế'],
    });
    expect(readExecutors('Chủ trì: Công an tỉnh; Phối hợp: Sở Tư pháp, UBND các xã, phường.')).toEqual({
      lead: ['Công an tỉnh'],
      coordinating: ['Sở Tư pháp', 'UBND các xã, phường'],
    });
  });

  it('reads the unit handed the work, not the one handing it', () => {
    expect(readFromSentences('UBND tỉnh giao Sở Tài chính chủ trì, phối hợp các cơ quan liên quan tham mưu bố trí kinh phí.')).toEqual({
      lead: ['Sở Tài chính'],
      coordinating: ['các cơ quan liên quan'],
    });
    expect(readSubjects('Chủ tịch UBND tỉnh giao Sở Nội vụ theo dõi.')).toEqual([]);
  });

  it('reads a sentence whose subject is a unit, and keeps capitalised names whole', () => {
    expect(readSubjects('Sở Xây dựng có trách nhiệm hướng dẫn các huyện.')).toEqual(['Sở Xây dựng']);
    expect(readSubjects('Trên cơ sở đó, Ban Quản lý các khu công nghiệp tổ chức rà soát.')).toEqual(['Ban Quản lý các khu công nghiệp']);
    expect(readSubjects('Ban hành Thông báo về việc giảm thời gian giải quyết.')).toEqual([]);
    expect(readSubjects('Các thủ tục hành chính được rà soát.')).toEqual([]);
  });

  it('reads a heading that is a unit or opens with one', () => {
    expect(readHeadingUnits('Sở Tài chính')).toEqual(['Sở Tài chính']);
    expect(readHeadingUnits('Công an tỉnh: Chủ trì rà soát thủ tục cư trú.')).toEqual(['Công an tỉnh']);
    expect(readHeadingUnits('UBND các huyện, thị xã, thành phố')).toEqual(['UBND các huyện, thị xã, thành phố']);
    expect(readHeadingUnits('Rà soát thủ tục hành chính nội bộ')).toEqual([]);
  });
});

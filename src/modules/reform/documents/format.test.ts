import { describe, expect, it } from 'vitest';
import {
  abbreviateUnit,
  formatDateLine,
  formatFieldName,
  formatPercent,
  formatVnd,
  joinMeasures,
  toRomanNumeral,
  toUpperCaseVietnamese,
} from './format';

describe('document text formatting', () => {
  it('writes amounts in đồng with dots between thousands', () => {
    expect(formatVnd(32_000_000)).toBe('32.000.000');
    expect(formatVnd(17_032_000_000)).toBe('17.032.000.000');
    expect(formatVnd(960_000.4)).toBe('960.000');
    expect(formatVnd(0)).toBe('0');
    expect(formatVnd(null)).toBe('—');
  });

  it('writes ratios as percentages with a decimal comma and one decimal', () => {
    expect(formatPercent(0.1)).toBe('10,0 %');
    expect(formatPercent(0.28201)).toBe('28,2 %');
    expect(formatPercent(1)).toBe('100,0 %');
    expect(formatPercent(-0.05)).toBe('-5,0 %');
    expect(formatPercent(null)).toBe('—');
  });

  it('dates the document on its day of signing, zero-padded as Nghị định 30/2020 asks, or leaves the date blank', () => {
    expect(formatDateLine('An Giang', '2026-11-23')).toBe('An Giang, ngày 23 tháng 11 năm 2026');
    expect(formatDateLine('An Giang', '2026-01-05')).toBe('An Giang, ngày 05 tháng 01 năm 2026');
    expect(formatDateLine('Long Xuyên', '2026-03-09')).toBe('Long Xuyên, ngày 09 tháng 3 năm 2026');
    // Not signed yet: blanks to fill in by hand, never the day the file is made.
    expect(formatDateLine('An Giang', null)).toBe('An Giang, ngày … tháng … năm 20…');
  });

  it('joins measures into one sentence, keeping abbreviations capitalised', () => {
    expect(joinMeasures(['Rút ngắn thời gian giải quyết', 'Cắt giảm thành phần hồ sơ'])).toBe(
      'Rút ngắn thời gian giải quyết; cắt giảm thành phần hồ sơ.',
    );
    expect(joinMeasures(['Bỏ yêu cầu bản sao;', 'CCCD thay sổ hộ khẩu.'])).toBe('Bỏ yêu cầu bản sao; CCCD thay sổ hộ khẩu.');
    expect(joinMeasures([])).toBe('—');
    expect(joinMeasures(['  '])).toBe('—');
  });

  it('numbers groups with roman numerals', () => {
    expect([1, 2, 3, 4, 9, 14, 40].map(toRomanNumeral)).toEqual(['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL']);
  });

  it('abbreviates the issuing unit for the document number', () => {
    expect(abbreviateUnit('Sở Tư pháp')).toBe('STP');
    expect(abbreviateUnit('Sở Nông nghiệp và Môi trường')).toBe('SNNMT');
    expect(abbreviateUnit('UBND xã Mỹ Hòa Hưng')).toBe('UBND');
    expect(abbreviateUnit('Văn phòng UBND tỉnh')).toBe('VPUBND');
    expect(abbreviateUnit('Sở Xây dựng')).toBe('SXD');
    expect(abbreviateUnit('Sở Giáo dục và Đào tạo')).toBe('SGDDT');
  });

  it('names fields and upper-cases Vietnamese', () => {
    expect(formatFieldName('Hộ tịch')).toBe('Lĩnh vực Hộ tịch');
    expect(formatFieldName('Lĩnh vực Chứng thực')).toBe('Lĩnh vực Chứng thực');
    expect(toUpperCaseVietnamese('UBND tỉnh An Giang')).toBe('UBND TỈNH AN GIANG');
    expect(toUpperCaseVietnamese('Sở Tư pháp')).toBe('SỞ TƯ PHÁP');
  });
});

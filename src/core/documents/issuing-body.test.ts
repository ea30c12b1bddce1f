import { describe, expect, it } from 'vitest';
import { abbreviateUnit, resolveIssuingBody, type TreeUnit } from './issuing-body';

const province: TreeUnit = { name: 'UBND tỉnh An Giang', shortName: 'UBND tỉnh', type: 'province' };
const justice: TreeUnit = { name: 'Sở Tư pháp', shortName: 'STP', type: 'department' };
const police: TreeUnit = { name: 'Công an tỉnh', shortName: 'CAT', type: 'department' };
const tax: TreeUnit = { name: 'Thuế tỉnh An Giang', shortName: 'Thuế tỉnh', type: 'department' };

const resolve = (unit: TreeUnit, ancestors: TreeUnit[]) => resolveIssuingBody(unit, ancestors, 'An Giang', abbreviateUnit);

describe('resolveIssuingBody', () => {
  it('puts the UBND tỉnh above a department of the province, which sends its proposal to the UBND tỉnh', () => {
    expect(resolve(justice, [province])).toMatchObject({
      parent: 'UBND TỈNH AN GIANG',
      name: 'SỞ TƯ PHÁP',
      symbol: 'STP',
      addressee: 'UBND tỉnh An Giang',
      recipients: ['UBND tỉnh An Giang (qua Văn phòng UBND tỉnh)', 'Lưu: VT'],
      signer: { form: 'head', collectiveBody: null, headTitle: 'GIÁM ĐỐC', deputyTitle: 'PHÓ GIÁM ĐỐC' },
      isVerticalAgency: false,
    });
  });

  it('puts Bộ Công an, not the UBND tỉnh, above Công an tỉnh, names the province and addresses Bộ Công an', () => {
    expect(resolve(police, [province])).toMatchObject({
      parent: 'BỘ CÔNG AN',
      name: 'CÔNG AN TỈNH AN GIANG',
      symbol: 'CAT',
      shortName: 'Công an tỉnh An Giang',
      addressee: 'Bộ Công an',
      recipients: ['Bộ Công an (để xem xét, quyết định)', 'UBND tỉnh An Giang (qua Văn phòng UBND tỉnh, để tổng hợp)', 'Lưu: VT'],
      signer: { headTitle: 'GIÁM ĐỐC' },
      isVerticalAgency: true,
    });
  });

  it('takes the body above from the tree when the tree has it (a ministry at the root, a unit inside an agency)', () => {
    const ministry: TreeUnit = { name: 'Bộ Công an', shortName: 'BCA', type: 'department' };
    expect(resolve(police, [ministry])).toMatchObject({ parent: 'BỘ CÔNG AN', addressee: 'Bộ Công an' });
    const office: TreeUnit = { name: 'Thuế cơ sở 1 tỉnh An Giang', shortName: 'Thuế CS1', type: 'division' };
    expect(resolve(office, [tax, province])).toMatchObject({
      parent: 'THUẾ TỈNH AN GIANG',
      name: 'THUẾ CƠ SỞ 1 TỈNH AN GIANG',
      addressee: 'Bộ Tài chính',
      isVerticalAgency: true,
    });
    const division: TreeUnit = { name: 'Phòng Hành chính tư pháp', shortName: null, type: 'division' };
    expect(resolve(division, [justice, province])).toMatchObject({
      parent: 'SỞ TƯ PHÁP',
      symbol: 'PHCTP',
      signer: { headTitle: 'TRƯỞNG PHÒNG' },
      isVerticalAgency: false,
    });
  });

  it('gives each vertical agency under the province its own superior, from the data map', () => {
    const cases: [string, string, string][] = [
      ['Thuế tỉnh An Giang', 'CỤC THUẾ', 'Bộ Tài chính'],
      ['Chi cục Hải quan khu vực (địa bàn An Giang)', 'CỤC HẢI QUAN', 'Bộ Tài chính'],
      ['Kho bạc Nhà nước khu vực (địa bàn An Giang)', 'KHO BẠC NHÀ NƯỚC', 'Bộ Tài chính'],
      ['Ngân hàng Nhà nước Khu vực (địa bàn An Giang)', 'NGÂN HÀNG NHÀ NƯỚC VIỆT NAM', 'Ngân hàng Nhà nước Việt Nam'],
      ['Bảo hiểm xã hội tỉnh An Giang', 'BẢO HIỂM XÃ HỘI VIỆT NAM', 'Bảo hiểm xã hội Việt Nam'],
      ['Thi hành án dân sự tỉnh An Giang', 'BỘ TƯ PHÁP', 'Bộ Tư pháp'],
    ];
    for (const [name, parent, addressee] of cases) {
      expect(resolve({ name, shortName: null, type: 'department' }, [province]), name).toMatchObject({ parent, addressee });
    }
  });

  it('treats a unit of a type outside the local administration as a vertical agency, never under the UBND tỉnh', () => {
    const unknown: TreeUnit = { name: 'Cơ quan trung ương X', shortName: null, type: 'central_agency' };
    expect(resolve(unknown, [province])).toMatchObject({ parent: null, isVerticalAgency: true });
  });

  it('heads an Ủy ban nhân dân with its own name only and signs it "TM."', () => {
    const commune: TreeUnit = { name: 'UBND xã Mỹ Hòa Hưng', shortName: null, type: 'commune' };
    expect(resolve(commune, [province])).toMatchObject({
      parent: null,
      name: 'ỦY BAN NHÂN DÂN\nXÃ MỸ HÒA HƯNG',
      symbol: 'UBND',
      addressee: 'UBND tỉnh An Giang',
      signer: { form: 'head', collectiveBody: 'ỦY BAN NHÂN DÂN', headTitle: 'CHỦ TỊCH', deputyTitle: 'PHÓ CHỦ TỊCH' },
    });
    expect(resolve(province, [])).toMatchObject({ parent: null, name: 'ỦY BAN NHÂN DÂN\nTỈNH AN GIANG', addressee: 'Chính phủ' });
  });
});

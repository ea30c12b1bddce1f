import {
  BODIES,
  type BodySpec,
  bodyCode,
  bodyDeskCode,
  COMMUNES,
  type CommuneSpec,
  CURRENT_FROM,
  communeCode,
  communeDeskCode,
  communeDivisionCode,
  divisionCode,
  LEGACY_DISTRICTS,
  LEGACY_FROM,
  LEGACY_TO,
  provinceCode,
  provincialCentreCode,
} from './org-units';
import type { DemoUnit } from './procedure-input';

const PROVINCE_NAME = 'tỉnh An Giang';

const current = (unit: Omit<DemoUnit, 'validFrom' | 'validTo' | 'successorCode'>): DemoUnit => ({
  ...unit,
  validFrom: CURRENT_FROM,
  validTo: null,
  successorCode: null,
});

function buildBodyUnits(body: BodySpec): DemoUnit[] {
  const address = `${body.ward}, ${PROVINCE_NAME}`;
  const code = bodyCode(body.number);
  const units: DemoUnit[] = [
    current({
      code,
      name: body.name,
      shortName: body.shortName,
      // Central vertical agencies publish their procedures through their ministries (NQ 66 figures leave them out).
      type: body.isCentralAgency ? 'vertical_agency' : 'department',
      parentCode: provinceCode(),
      address,
    }),
  ];
  body.divisions.forEach((division, index) => {
    units.push(
      current({
        code: divisionCode(body.number, index + 1),
        name: division.name,
        shortName: division.shortName,
        type: 'division',
        parentCode: code,
        address,
      }),
    );
  });
  if (body.isCentralAgency) {
    units.push(
      current({
        code: bodyDeskCode(body.number),
        name: `Bộ phận Một cửa ${body.name}`,
        shortName: `Một cửa ${body.shortName}`,
        type: 'desk',
        parentCode: code,
        address,
      }),
    );
  }
  return units;
}

function communeDivisions(commune: CommuneSpec): string[] {
  const economy = commune.kind === 'phường' ? 'Phòng Kinh tế, Hạ tầng và Đô thị' : 'Phòng Kinh tế';
  return ['Phòng Văn hóa - Xã hội', economy];
}

function buildCommuneUnits(commune: CommuneSpec): DemoUnit[] {
  const place = `${commune.kind} ${commune.name}`;
  const shortKind = { phường: 'P.', xã: 'X.', 'đặc khu': 'ĐK' }[commune.kind];
  const code = communeCode(commune.number);
  const address = `${place}, ${PROVINCE_NAME}`;
  const units: DemoUnit[] = [
    current({
      code,
      name: `UBND ${place}`,
      shortName: `UBND ${shortKind} ${commune.name}`,
      type: 'commune',
      parentCode: provinceCode(),
      address,
    }),
    current({
      code: communeDeskCode(commune.number),
      name: `Trung tâm Phục vụ hành chính công ${place}`,
      shortName: `TTPVHCC ${shortKind} ${commune.name}`,
      type: 'desk',
      parentCode: code,
      address,
    }),
  ];
  communeDivisions(commune).forEach((name, index) => {
    units.push(
      current({
        code: communeDivisionCode(commune.number, index + 1),
        name,
        shortName: name.replace('Phòng ', 'P. '),
        type: 'division',
        parentCode: code,
        address,
      }),
    );
  });
  return units;
}

function buildLegacyUnits(): DemoUnit[] {
  return LEGACY_DISTRICTS.map((district) => {
    const successor = COMMUNES.find((commune) => commune.number === district.successorCommune);
    if (!successor) throw new Error(`Missing successor commune for ${district.name}`);
    return {
      code: communeCode(district.number),
      name: district.name,
      shortName: district.shortName,
      type: 'district' as const,
      parentCode: provinceCode(),
      validFrom: LEGACY_FROM,
      validTo: LEGACY_TO,
      successorCode: communeCode(successor.number),
      address: district.address,
    };
  });
}

export function buildDemoUnits(): DemoUnit[] {
  const address = `phường Rạch Giá, ${PROVINCE_NAME}`;
  return [
    current({ code: provinceCode(), name: 'UBND tỉnh An Giang', shortName: 'UBND tỉnh', type: 'province', parentCode: null, address }),
    current({
      code: provincialCentreCode(),
      name: 'Trung tâm Phục vụ hành chính công tỉnh An Giang',
      shortName: 'TTPVHCC tỉnh',
      type: 'desk',
      parentCode: provinceCode(),
      address,
    }),
    ...BODIES.flatMap(buildBodyUnits),
    ...COMMUNES.flatMap(buildCommuneUnits),
    ...buildLegacyUnits(),
  ];
}

export const DEMO_UNITS_NOTE =
  'Dữ liệu minh họa (demo): "Tỉnh An Giang" sau sắp xếp 2025 (An Giang và Kiên Giang cũ, chính quyền hai cấp). ' +
  'Tên đơn vị theo mô hình sau 01/7/2025; mã định danh điện tử, địa chỉ và danh sách đơn vị là giá trị minh họa, ' +
  'không phải mã chính thức. Đơn vị loại district là UBND cấp huyện cũ (hết hiệu lực 30/6/2025), successorCode là xã/phường/đặc khu tiếp nhận. ' +
  'Các cơ quan trung ương đóng trên địa bàn (Công an tỉnh, Thuế, Hải quan, Ngân hàng Nhà nước, Kho bạc, BHXH, THADS, Tòa án) ' +
  'được đặt dưới UBND tỉnh chỉ để có một cây đơn vị; chúng không thuộc UBND tỉnh. Sinh bởi scripts/demo-data/build-fixtures.ts.';

import { describe, expect, it } from 'vitest';
import { importPlanDocument } from './index';

/*
 * The header block as text conversions of web pages and documents flatten it (docs/plan-import.md, "Reading the
 * file"): cells in a row with "|", rules and lone cell borders between the cells, the issuer and the national motto
 * on one line, the number and the place and date on one line. The plans below are written for these tests.
 */
const load = (text: string) => importPlanDocument(Buffer.from(text), 'ke-hoach.txt');
const body = `
I. NHIỆM VỤ
1. Rà soát thủ tục hành chính nội bộ.
- Cơ quan chủ trì: Phòng Văn hóa - Xã hội.
- Thời hạn hoàn thành: Quý III/2026.
`;

describe('flattened headers', () => {
  it('reads a header whose cells are joined by "|" on one line', async () => {
    const plan = await load(`ỦY BAN NHÂN DÂN XÃ BÌNH AN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 48/KH-UBND | Bình An, ngày 09 tháng 3 năm 2026 |
KẾ HOẠCH
Kiểm soát thủ tục hành chính năm 2026
${body}`);
    expect(plan.plan).toMatchObject({
      number: '48/KH-UBND',
      issuer: 'ỦY BAN NHÂN DÂN XÃ BÌNH AN',
      place: 'Bình An',
      date: '2026-03-09',
      title: 'Kiểm soát thủ tục hành chính năm 2026',
    });
  });

  it('reads a header cut into lines with rules and lone "|" between its cells, the motto over two lines', async () => {
    const plan = await load(`ỦY BAN NHÂN DÂN
TỈNH NAM SƠN
-------
|
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 203/KH-UBND
|
Nam Sơn, ngày 14
tháng 5 năm 2026
|
KẾ HOẠCH
TRIỂN KHAI CHỈ THỊ SỐ 12- CT/TU VỀ CẢI CÁCH HÀNH CHÍNH
NĂM 2026
Thực hiện Chỉ thị số 12- CT/TU ngày 02/4/2026 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban
hành Kế hoạch như sau:
${body}`);
    expect(plan.plan).toMatchObject({
      number: '203/KH-UBND',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH NAM SƠN',
      place: 'Nam Sơn',
      date: '2026-05-14',
      title: 'TRIỂN KHAI CHỈ THỊ SỐ 12- CT/TU VỀ CẢI CÁCH HÀNH CHÍNH NĂM 2026',
      implements: ['Chỉ thị số 12-CT/TU ngày 02/4/2026 của Ban Thường vụ Tỉnh ủy'],
    });
    expect(plan.tasks.map((task) => task.ref)).toEqual(['I.1']);
  });

  it('reads the issuer and the motto, and the number and the date, each pair on one line', async () => {
    const plan = await load(`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ PHÚ LỘC Độc lập - Tự do - Hạnh phúc
Số: 07 /KH-UBND Phú Lộc, ngày 06 tháng 01 năm 2026
KẾ HOẠCH HÀNH ĐỘNG
Thực hiện chuyển đổi số trên địa bàn xã năm 2026
${body}`);
    expect(plan.plan).toMatchObject({
      number: '07/KH-UBND',
      issuer: 'ỦY BAN NHÂN DÂN XÃ PHÚ LỘC',
      place: 'Phú Lộc',
      date: '2026-01-06',
      title: 'Thực hiện chuyển đổi số trên địa bàn xã năm 2026',
    });
  });
});

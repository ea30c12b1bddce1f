import { describe, expect, it } from 'vitest';
import { importPlanDocument } from './index';

/* Shapes of plans that none of the fixture plans has, each written as provinces write them. */
const load = (text: string) => importPlanDocument(Buffer.from(text), 'ke-hoach.txt');

describe('other shapes of plans', () => {
  it('reads headings numbered "1/" and "a/" with "Chủ trì:" and "Phối hợp:" lines', async () => {
    const plan = await load(`KẾ HOẠCH
Rà soát quy định, thủ tục hành chính năm 2026

II. NHIỆM VỤ
1/ Rà soát thủ tục hành chính lĩnh vực đất đai
a/ Thống kê thủ tục có thời gian giải quyết trên 20 ngày.
- Chủ trì: Sở Nông nghiệp và Môi trường.
- Phối hợp: Văn phòng UBND tỉnh; UBND các xã, phường.
- Thời gian: trước ngày 30/5/2026.
b/ Đề xuất phương án cắt giảm.
- Chủ trì: Sở Nông nghiệp và Môi trường.
- Thời gian: Quý III/2026.
`);
    expect(plan.tasks.map(({ ref, lead, coordinating, deadlines }) => ({ ref, lead, coordinating, deadline: deadlines[0]?.kind }))).toEqual(
      [
        {
          ref: 'II.1.a',
          lead: ['Sở Nông nghiệp và Môi trường'],
          coordinating: ['Văn phòng UBND tỉnh', 'UBND các xã, phường'],
          deadline: 'date',
        },
        { ref: 'II.1.b', lead: ['Sở Nông nghiệp và Môi trường'], coordinating: [], deadline: 'quarter' },
      ],
    );
  });

  it('reads a plan with no sections, its tasks numbered on top, each naming its unit and deadline in the sentence', async () => {
    const plan = await load(`ỦY BAN NHÂN DÂN
XÃ BÌNH AN
Số: 09/KH-UBND
Bình An, ngày 02 tháng 02 năm 2026
KẾ HOẠCH
Nâng cao chất lượng giải quyết thủ tục hành chính năm 2026

Ủy ban nhân dân xã ban hành Kế hoạch như sau:

1. Văn phòng HĐND và UBND xã chủ trì, phối hợp với Phòng Kinh tế niêm yết công khai thủ tục hành chính. Hoàn thành trước ngày 31/3/2026.
2. Phòng Văn hóa - Xã hội khảo sát mức độ hài lòng của người dân. Thời gian: Quý II/2026.
3. Công chức Tư pháp - Hộ tịch số hóa kết quả giải quyết thủ tục hành chính, báo cáo hằng tháng.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
`);
    expect(
      plan.tasks.map(({ ref, lead, coordinating, deadlines }) => ({ ref, lead, coordinating, deadlines: deadlines.map((d) => d.kind) })),
    ).toEqual([
      { ref: '1', lead: ['Văn phòng HĐND và UBND xã'], coordinating: ['Phòng Kinh tế'], deadlines: ['date'] },
      { ref: '2', lead: ['Phòng Văn hóa - Xã hội'], coordinating: [], deadlines: ['quarter'] },
      { ref: '3', lead: ['Công chức Tư pháp - Hộ tịch'], coordinating: [], deadlines: ['periodic'] },
    ]);
  });

  it('reads responsibilities by unit in "Tổ chức thực hiện", each duty with its own deadline', async () => {
    const plan = await load(`KẾ HOẠCH
Cải cách hành chính năm 2026

III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ:
- Hướng dẫn, kiểm tra việc thực hiện Kế hoạch; tổng hợp báo cáo UBND tỉnh trước ngày 15/12/2026.
- Phối hợp với Sở Tài chính tham mưu bố trí kinh phí.
2. Sở Tài chính: Bố trí kinh phí thực hiện Kế hoạch hằng năm.
3. UBND các xã, phường căn cứ Kế hoạch này xây dựng kế hoạch của địa phương, hoàn thành trong tháng 4/2026.
`);
    expect(
      plan.tasks.map(({ ref, lead, coordinating, deadlines }) => ({
        ref,
        lead,
        coordinating,
        deadlines: deadlines.map((deadline) => deadline.kind),
      })),
    ).toEqual([
      { ref: 'III.1', lead: ['Sở Nội vụ'], coordinating: ['Sở Tài chính'], deadlines: ['date'] },
      { ref: 'III.2', lead: ['Sở Tài chính'], coordinating: [], deadlines: ['periodic'] },
      { ref: 'III.3', lead: ['UBND các xã, phường'], coordinating: [], deadlines: ['month'] },
    ]);
  });

  it('reads a table with one "Đơn vị thực hiện" column marking the lead "(chủ trì)"', async () => {
    const plan = await load(`KẾ HOẠCH
Số hóa hồ sơ năm 2026

| TT | Nhiệm vụ | Đơn vị thực hiện | Thời hạn |
|---|---|---|---|
| 1 | Số hóa hồ sơ hộ tịch | Sở Tư pháp (chủ trì); UBND các xã, phường | Tháng 6/2026 |
| 2 | Kết nối cơ sở dữ liệu đất đai | Chủ trì: Sở Nông nghiệp và Môi trường; Phối hợp: Sở Khoa học và Công nghệ | 2026 |
`);
    expect(
      plan.tasks.map(({ ref, lead, coordinating, deadlines }) => ({
        ref,
        lead,
        coordinating,
        deadlines: deadlines.map((deadline) => deadline.kind),
      })),
    ).toEqual([
      { ref: '1', lead: ['Sở Tư pháp'], coordinating: ['UBND các xã, phường'], deadlines: ['month'] },
      { ref: '2', lead: ['Sở Nông nghiệp và Môi trường'], coordinating: ['Sở Khoa học và Công nghệ'], deadlines: ['year'] },
    ]);
  });

  it('reads a deadline cell without its year in the year the title of an annual plan names, not in a multi-year plan', async () => {
    const table = `
| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |
|---|---|---|---|
| 1 | Công bố danh mục thủ tục hành chính | Văn phòng UBND tỉnh | Quý II |
| 2 | Báo cáo kết quả kiểm soát thủ tục | Sở Tư pháp | Trước 15/11 |
`;
    const annual = await load(`KẾ HOẠCH\nKiểm soát thủ tục hành chính năm 2026\n${table}`);
    expect(annual.tasks.map((task) => task.deadlines)).toEqual([
      [{ kind: 'quarter', year: 2026, quarter: 2, text: 'Quý II' }],
      [{ kind: 'date', date: '2026-11-15', text: 'Trước 15/11' }],
    ]);
    const longer = await load(`KẾ HOẠCH\nChuyển đổi số giai đoạn 2026 - 2030, định hướng đến năm 2035\n${table}`);
    expect(longer.tasks.map((task) => task.deadlines.map((deadline) => deadline.kind))).toEqual([['text'], ['text']]);
  });
});

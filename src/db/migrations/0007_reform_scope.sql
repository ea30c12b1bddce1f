-- NQ 66 figures a province can sign (issue 10): the scope of the figures, business conditions by the level of
-- their source text, waiting time marked in the cost worksheets, targets for the new indicators.
--
-- 1. Units of central vertical agencies get a type of their own. Existing installations typed them as departments:
--    they are recognised by the names such agencies carry in a province (the demo tree uses the same names). A
--    vertical agency whose name does not match can be retyped on the page Quản trị › Đơn vị.
UPDATE "units" SET "type" = 'vertical_agency', "version" = "version" + 1, "updated_at" = now()
WHERE "type" = 'department'
  AND "parent_id" IN (SELECT "id" FROM "units" WHERE "parent_id" IS NULL)
  AND ("name" ~ '^(Công an tỉnh|Công an thành phố|Cục Thuế|Thuế tỉnh|Thuế thành phố|Chi cục Hải quan|Cục Hải quan|Hải quan)'
    OR "name" ~ '^(Kho bạc Nhà nước|Ngân hàng Nhà nước|Bảo hiểm xã hội|Cục Thi hành án dân sự|Thi hành án dân sự|Tòa án nhân dân|Toà án nhân dân|Viện kiểm sát nhân dân)');
--> statement-breakpoint
-- 2. Business conditions: central or provincial source, the central text that abolished one, sectors outside the
--    Investment Law's list of conditional business sectors (Phụ lục IV).
ALTER TABLE "business_conditions" ADD COLUMN "source_level" text DEFAULT 'central' NOT NULL;
--> statement-breakpoint
ALTER TABLE "business_conditions" ADD COLUMN "abolished_by_text" text;
--> statement-breakpoint
ALTER TABLE "business_conditions" ADD COLUMN "is_outside_conditional_list" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- Conditions set by a text of the province's own (a decision of the UBND, a resolution of the HĐND) are provincial.
UPDATE "business_conditions" SET "source_level" = 'provincial'
WHERE "source_regulation" ~ '(QĐ-UBND|NQ-HĐND|Quyết định[^,;]*UBND|Nghị quyết[^,;]*HĐND)';
--> statement-breakpoint
-- The demo taught a wrong practice: conditions of central decrees "abolished" by the province. They were proposed.
-- (Other installations keep their rows; the figures count such a condition as proposed until its text is recorded.)
UPDATE "business_conditions" SET "status" = 'proposed', "status_changed_on" = NULL, "version" = "version" + 1, "updated_at" = now()
WHERE "is_demo" AND "source_level" = 'central' AND "status" IN ('abolished', 'simplified') AND "abolished_by_text" IS NULL;
--> statement-breakpoint
-- 3. Waiting for the agency's decision is an activity of its own kind in a worksheet (valued by the cost method
--    setting; by default at full income, as before). The demo and the guide name it "Chờ giải quyết".
UPDATE "cost_worksheets" SET "activities" = (
  SELECT jsonb_agg(CASE WHEN "item"->>'name' = 'Chờ giải quyết' THEN "item" || '{"waiting": true}'::jsonb ELSE "item" END ORDER BY "position")
  FROM jsonb_array_elements("activities") WITH ORDINALITY AS "list"("item", "position")
)
WHERE "activities" @> '[{"name": "Chờ giải quyết"}]'::jsonb;
--> statement-breakpoint
-- 4. Targets. The 2026 goal "100 % of unnecessary conditions" is tracked on the conditions of sectors outside
--    Phụ lục IV; the 2025 share is abolished ÷ every condition inventoried.
UPDATE "reform_targets" SET "indicator" = 'business_conditions_outside_list',
  "source" = 'NQ 66/NQ-CP, năm 2026: bãi bỏ 100% điều kiện kinh doanh của ngành, nghề ngoài danh mục ngành, nghề đầu tư kinh doanh có điều kiện (Phụ lục IV Luật Đầu tư)'
WHERE "year" = 2026 AND "indicator" = 'business_conditions_cut' AND "target" = 1
  AND NOT EXISTS (SELECT 1 FROM "reform_targets" WHERE "year" = 2026 AND "indicator" = 'business_conditions_outside_list');
--> statement-breakpoint
UPDATE "reform_targets" SET "source" = 'NQ 66/NQ-CP, năm 2025: bãi bỏ ít nhất 30% điều kiện kinh doanh (trên tổng số điều kiện được rà soát)'
WHERE "year" = 2025 AND "indicator" = 'business_conditions_cut' AND "source" = 'NQ 66/NQ-CP: bãi bỏ ít nhất 30% điều kiện kinh doanh không cần thiết';
--> statement-breakpoint
-- The new indicators get their targets in the installations that hold the NQ 66 targets of that year already (a
-- fresh installation has none until its administrators, or the demo, enter them).
INSERT INTO "reform_targets" ("year", "indicator", "target", "source")
SELECT "new"."year", "new"."indicator", "new"."target", "new"."source"
FROM (VALUES
  (2025, 'time_reduction_business', 0.3, 'NQ 66/NQ-CP, năm 2025: giảm ít nhất 30% thời gian giải quyết TTHC liên quan đến hoạt động kinh doanh'),
  (2025, 'cost_reduction_business', 0.3, 'NQ 66/NQ-CP, năm 2025: giảm ít nhất 30% chi phí tuân thủ TTHC liên quan đến hoạt động kinh doanh'),
  (2025, 'time_reduction_internal', 0.3, 'Kế hoạch thực hiện NQ 66/NQ-CP của tỉnh: TTHC nội bộ cắt giảm như TTHC (giá trị mặc định, sửa được)'),
  (2025, 'cost_reduction_internal', 0.3, 'Kế hoạch thực hiện NQ 66/NQ-CP của tỉnh: TTHC nội bộ cắt giảm như TTHC (giá trị mặc định, sửa được)'),
  (2025, 'procedures_full_online', 0.8, 'QĐ 766/QĐ-TTg: TTHC cung cấp trực tuyến toàn trình trên tổng số TTHC đủ điều kiện ≥ 80%'),
  (2026, 'time_reduction_business', 0.5, 'NQ 66/NQ-CP, năm 2026: giảm 50% thời gian giải quyết TTHC liên quan đến hoạt động kinh doanh so với năm 2024'),
  (2026, 'cost_reduction_business', 0.5, 'NQ 66/NQ-CP, năm 2026: giảm 50% chi phí tuân thủ TTHC liên quan đến hoạt động kinh doanh so với năm 2024'),
  (2026, 'time_reduction_internal', 0.5, 'Kế hoạch thực hiện NQ 66/NQ-CP của tỉnh: TTHC nội bộ cắt giảm như TTHC (giá trị mặc định, sửa được)'),
  (2026, 'cost_reduction_internal', 0.5, 'Kế hoạch thực hiện NQ 66/NQ-CP của tỉnh: TTHC nội bộ cắt giảm như TTHC (giá trị mặc định, sửa được)'),
  (2026, 'business_conditions_outside_list', 1, 'NQ 66/NQ-CP, năm 2026: bãi bỏ 100% điều kiện kinh doanh của ngành, nghề ngoài danh mục ngành, nghề đầu tư kinh doanh có điều kiện (Phụ lục IV Luật Đầu tư)'),
  (2026, 'procedures_full_online', 1, 'NQ 66/NQ-CP, năm 2026: 100% TTHC đủ điều kiện được cung cấp trực tuyến toàn trình'),
  (2026, 'information_once', 1, 'NQ 66/NQ-CP: người dân, doanh nghiệp chỉ cung cấp thông tin một lần (giấy tờ đã số hóa được khai thác lại)')
) AS "new"("year", "indicator", "target", "source")
WHERE EXISTS (SELECT 1 FROM "reform_targets" AS "held" WHERE "held"."year" = "new"."year")
ON CONFLICT ("year", "indicator") DO NOTHING;

-- Search dictionary, search state and query log (issue 11, docs/adr/0001-vietnamese-search.md).
-- search_synonyms: what citizens type → what the catalog says, expanded at query time. Rows marked is_shipped are
-- the defaults below; administrators add, edit and remove rows (API /api/search/synonyms).
CREATE TABLE "search_synonyms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term" text NOT NULL,
	"expansion" text NOT NULL,
	"term_norm" text GENERATED ALWAYS AS (motcua_norm(term)) STORED NOT NULL,
	"expansion_norm" text GENERATED ALWAYS AS (motcua_norm(expansion)) STORED NOT NULL,
	"note" text,
	"is_shipped" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_synonyms_pair_unique" UNIQUE("term_norm","expansion_norm")
);
--> statement-breakpoint
-- One row: counters that every change of the catalog or of the dictionary bumps (statement triggers below), so that
-- each process's in-memory search index sees a publication or a new synonym on its next query, without a restart.
CREATE TABLE "search_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"catalog_version" bigint DEFAULT 0 NOT NULL,
	"dictionary_version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "search_state_single_row" CHECK ("id" = 1)
);
--> statement-breakpoint
INSERT INTO "search_state" ("id") VALUES (1);
--> statement-breakpoint
-- Queries with no or poor results, in search form, counted per day: no personal data, no address (the service drops
-- queries holding long digit runs or an @). Administrators read the most frequent ones to grow the dictionary.
CREATE TABLE "search_query_log" (
	"query" text NOT NULL,
	"day" date NOT NULL,
	"searches" integer DEFAULT 0 NOT NULL,
	"without_result" integer DEFAULT 0 NOT NULL,
	"approximate" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "search_query_log_pk" PRIMARY KEY("query","day")
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION motcua_bump_catalog_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE search_state SET catalog_version = catalog_version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION motcua_bump_dictionary_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE search_state SET dictionary_version = dictionary_version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER procedure_versions_bump_search_state
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON procedure_versions
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_bump_catalog_version();
--> statement-breakpoint
CREATE TRIGGER search_synonyms_bump_search_state
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_synonyms
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_bump_dictionary_version();
--> statement-breakpoint
-- The shipped dictionary: abbreviations used everywhere, everyday names for legal ones, wording people confuse.
INSERT INTO "search_synonyms" ("term", "expansion", "note", "is_shipped") VALUES
	('LLTP', 'lý lịch tư pháp', 'Viết tắt', true),
	('GPXD', 'giấy phép xây dựng', 'Viết tắt', true),
	('GPLX', 'giấy phép lái xe', 'Viết tắt', true),
	('bằng lái', 'giấy phép lái xe', 'Tên thường gọi', true),
	('bằng lái xe', 'giấy phép lái xe', 'Tên thường gọi', true),
	('CCCD', 'căn cước', 'Viết tắt (căn cước công dân)', true),
	('CCCD', 'căn cước công dân', 'Viết tắt', true),
	('CC', 'căn cước', 'Viết tắt', true),
	('CMND', 'căn cước', 'Giấy tờ cũ, nay là thẻ căn cước', true),
	('chứng minh nhân dân', 'căn cước', 'Giấy tờ cũ, nay là thẻ căn cước', true),
	('chứng minh thư', 'căn cước', 'Giấy tờ cũ, nay là thẻ căn cước', true),
	('HKD', 'hộ kinh doanh', 'Viết tắt', true),
	('ĐKKD', 'đăng ký kinh doanh', 'Viết tắt', true),
	('giấy phép kinh doanh', 'đăng ký kinh doanh', 'Tên thường gọi', true),
	('GCN', 'giấy chứng nhận', 'Viết tắt', true),
	('QSDĐ', 'quyền sử dụng đất', 'Viết tắt', true),
	('GCNQSDĐ', 'giấy chứng nhận quyền sử dụng đất', 'Viết tắt', true),
	('GCN QSDĐ', 'giấy chứng nhận quyền sử dụng đất', 'Viết tắt', true),
	('sổ đỏ', 'giấy chứng nhận quyền sử dụng đất', 'Tên thường gọi', true),
	('sổ hồng', 'giấy chứng nhận quyền sử dụng đất quyền sở hữu tài sản gắn liền với đất', 'Tên thường gọi', true),
	('sổ hồng', 'quyền sở hữu nhà ở', 'Tên thường gọi', true),
	('BHXH', 'bảo hiểm xã hội', 'Viết tắt', true),
	('BHYT', 'bảo hiểm y tế', 'Viết tắt', true),
	('BHTN', 'bảo hiểm thất nghiệp', 'Viết tắt', true),
	('MST', 'mã số thuế', 'Viết tắt', true),
	('DN', 'doanh nghiệp', 'Viết tắt', true),
	('UBND', 'ủy ban nhân dân', 'Viết tắt', true),
	('TNHH', 'trách nhiệm hữu hạn', 'Viết tắt', true),
	('CP', 'cổ phần', 'Viết tắt', true),
	('HTX', 'hợp tác xã', 'Viết tắt', true),
	('TNCN', 'thu nhập cá nhân', 'Viết tắt', true),
	('GTGT', 'giá trị gia tăng', 'Viết tắt', true),
	('công ty', 'doanh nghiệp', 'Tên thường gọi', true),
	('cty', 'công ty', 'Viết tắt', true),
	('giải thể', 'chấm dứt hoạt động', 'Hộ kinh doanh, chi nhánh: chấm dứt hoạt động', true),
	('1', 'một', 'Số viết bằng chữ', true),
	('2', 'hai', 'Số viết bằng chữ', true),
	('3', 'ba', 'Số viết bằng chữ', true),
	('4', 'bốn', 'Số viết bằng chữ', true),
	('hộ khẩu', 'thường trú', 'Sổ hộ khẩu đã bỏ: đăng ký thường trú', true),
	('nhập hộ khẩu', 'đăng ký thường trú', 'Sổ hộ khẩu đã bỏ: đăng ký thường trú', true),
	('cắt hộ khẩu', 'xóa đăng ký thường trú', 'Sổ hộ khẩu đã bỏ', true),
	('sổ tạm trú', 'tạm trú', 'Tên thường gọi', true),
	('làm', 'cấp', '"làm …" là "cấp …"', true),
	('làm lại', 'cấp lại', '"làm lại …" là "cấp lại …"', true),
	('làm lại', 'đăng ký lại', '"làm lại …" là "đăng ký lại …"', true),
	('xin', 'cấp', '"xin …" là "cấp …"', true),
	('mất', 'cấp lại', 'Mất giấy tờ thì xin cấp lại', true),
	('đổi', 'cấp đổi', '"đổi …" là "cấp đổi …"', true),
	('công chứng', 'chứng thực', 'Hai việc hay bị nhầm', true),
	('chứng thực', 'công chứng', 'Hai việc hay bị nhầm', true),
	('sao y', 'chứng thực bản sao', 'Tên thường gọi', true),
	('giấy khai sinh', 'đăng ký khai sinh', 'Tên thường gọi', true),
	('làm giấy khai sinh', 'đăng ký khai sinh', 'Tên thường gọi', true),
	('giấy chứng tử', 'đăng ký khai tử', 'Tên thường gọi', true),
	('giấy đăng ký kết hôn', 'đăng ký kết hôn', 'Tên thường gọi', true),
	('giấy xác nhận độc thân', 'xác nhận tình trạng hôn nhân', 'Tên thường gọi', true),
	('xác nhận độc thân', 'xác nhận tình trạng hôn nhân', 'Tên thường gọi', true),
	('độc thân', 'tình trạng hôn nhân', 'Tên thường gọi', true),
	('nhận con nuôi', 'nuôi con nuôi', 'Tên thường gọi', true),
	('nhận cha con', 'nhận cha, mẹ, con', 'Tên thường gọi', true),
	('sang tên', 'chuyển nhượng', 'Tên thường gọi', true),
	('sang tên sổ đỏ', 'đăng ký biến động quyền sử dụng đất', 'Tên thường gọi', true),
	('mở công ty', 'thành lập doanh nghiệp', 'Tên thường gọi', true),
	('thành lập công ty', 'thành lập doanh nghiệp', 'Tên thường gọi', true),
	('giải thể công ty', 'giải thể doanh nghiệp', 'Tên thường gọi', true),
	('lương hưu', 'hưu trí', 'Tên thường gọi', true),
	('thẻ bảo hiểm', 'thẻ bảo hiểm y tế', 'Tên thường gọi', true),
	('passport', 'hộ chiếu', 'Tiếng nước ngoài', true),
	('visa', 'thị thực', 'Tiếng nước ngoài', true),
	('xây nhà', 'giấy phép xây dựng', 'Tên thường gọi', true),
	('giấy phép xây nhà', 'giấy phép xây dựng', 'Tên thường gọi', true);

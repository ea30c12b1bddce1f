-- Monitoring (issue 13, docs/api/metrics.md): the KPI index's indicator set as versioned data, the per-dossier facts
-- and the daily and monthly rollups kept by triggers in the transaction of every dossier change.

CREATE TABLE "metrics_indicator_groups" (
	"code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"name" text NOT NULL,
	"max_points" numeric NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "metrics_indicator_groups_pk" PRIMARY KEY("code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "metrics_indicators" (
	"code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"group_code" text NOT NULL,
	"name" text NOT NULL,
	"formula" text NOT NULL,
	"target" numeric NOT NULL,
	"max_points" numeric NOT NULL,
	"position" integer NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "metrics_indicators_pk" PRIMARY KEY("code","valid_from"),
	CONSTRAINT "metrics_indicators_target_check" CHECK ("target" > 0 AND "target" <= 1),
	CONSTRAINT "metrics_indicators_points_check" CHECK ("max_points" >= 0)
);
--> statement-breakpoint
-- The national set of QĐ 766/QĐ-TTg as the national portal computes it (docs/DOMAIN.md §5): six groups, 100 points.
-- The split of each group's points among its indicators is the documented default of docs/api/metrics.md.
INSERT INTO "metrics_indicator_groups" ("code", "valid_from", "name", "max_points", "position") VALUES
	('transparency', '2022-06-23', 'Công khai, minh bạch', 18, 1),
	('progress', '2022-06-23', 'Tiến độ giải quyết', 20, 2),
	('online_service', '2022-06-23', 'Dịch vụ công trực tuyến', 12, 3),
	('digitisation', '2022-06-23', 'Số hóa hồ sơ', 22, 4),
	('online_payment', '2022-06-23', 'Thanh toán trực tuyến', 10, 5),
	('satisfaction', '2022-06-23', 'Mức độ hài lòng', 18, 6);
--> statement-breakpoint
INSERT INTO "metrics_indicators" ("code", "valid_from", "group_code", "name", "formula", "target", "max_points", "position", "params") VALUES
	('published_on_time', '2022-06-23', 'transparency', 'Công bố, công khai TTHC đúng hạn', 'procedures_published_on_time', 1, 6, 1, '{}'),
	('public_on_national_database', '2022-06-23', 'transparency', 'Công khai quyết định công bố trên Cơ sở dữ liệu quốc gia đúng hạn', 'decisions_public_in_time', 1, 6, 2, '{"withinWorkingDays": 5}'),
	('synced_to_portal', '2022-06-23', 'transparency', 'Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia', 'dossiers_synced', 1, 6, 3, '{}'),
	('on_time', '2022-06-23', 'progress', 'Hồ sơ giải quyết đúng hạn, trước hạn và đang trong hạn', 'dossiers_on_time', 1, 14, 1, '{}'),
	('average_time', '2022-06-23', 'progress', 'Thời gian giải quyết trung bình so với thời gian cho phép', 'average_processing_time', 1, 6, 2, '{}'),
	('procedures_online', '2022-06-23', 'online_service', 'TTHC cung cấp dịch vụ công trực tuyến toàn trình trên TTHC đủ điều kiện', 'procedures_online', 0.8, 6, 1, '{}'),
	('online_dossiers', '2022-06-23', 'online_service', 'Hồ sơ nộp trực tuyến', 'online_dossiers', 0.5, 6, 2, '{}'),
	('digitised', '2022-06-23', 'digitisation', 'Hồ sơ được số hóa', 'digitised_dossiers', 0.8, 8, 1, '{}'),
	('reused', '2022-06-23', 'digitisation', 'Hồ sơ tái sử dụng dữ liệu đã số hóa', 'reused_dossiers', 0.8, 7, 2, '{}'),
	('electronic_results', '2022-06-23', 'digitisation', 'Kết quả giải quyết điện tử', 'electronic_results', 1, 7, 3, '{}'),
	('online_payments', '2022-06-23', 'online_payment', 'Hồ sơ thanh toán trực tuyến trên hồ sơ phải nộp phí, lệ phí', 'online_payments', 0.8, 10, 1, '{}'),
	('feedback_on_time', '2022-06-23', 'satisfaction', 'Phản ánh, kiến nghị được xử lý đúng hạn', 'feedback_on_time', 1, 8, 1, '{}'),
	('satisfaction', '2022-06-23', 'satisfaction', 'Mức độ hài lòng (100% − tỷ lệ quá hạn − tỷ lệ có phản ánh)', 'satisfaction', 0.9, 10, 2, '{}');
--> statement-breakpoint
-- Working-day ordinals: the average processing time in working days is ordinal(end) − ordinal(start). Weekdays here;
-- the metrics module replaces them with the work calendar's days (holidays, Tết, make-up Saturdays) on first use.
CREATE TABLE "metrics_work_days" (
	"day" date PRIMARY KEY NOT NULL,
	"is_working" boolean NOT NULL,
	"ordinal" integer NOT NULL
);
--> statement-breakpoint
INSERT INTO "metrics_work_days" ("day", "is_working", "ordinal")
SELECT d::date, extract(isodow from d) < 6,
	(count(*) FILTER (WHERE extract(isodow from d) < 6) OVER (ORDER BY d))::integer
FROM generate_series('2015-01-01'::date, '2045-12-31'::date, interval '1 day') AS d;
--> statement-breakpoint
-- One row per accepted dossier: what the index and Biểu 06 count, in Vietnam days. Kept by the triggers below.
CREATE TABLE "metrics_dossier_facts" (
	"dossier_id" uuid PRIMARY KEY NOT NULL REFERENCES "dossiers"("id") ON DELETE CASCADE,
	"unit_id" uuid NOT NULL,
	"field" text NOT NULL,
	"level" text NOT NULL,
	"procedure_code" text NOT NULL,
	"channel" text NOT NULL,
	"received_day" date NOT NULL,
	"end_day" date,
	"due_day" date,
	"outcome" text,
	"is_digitised" boolean NOT NULL,
	"is_reused" boolean NOT NULL,
	"has_electronic_result" boolean NOT NULL,
	"is_synced" boolean NOT NULL,
	"processing_days" numeric,
	"allotted_days" numeric,
	CONSTRAINT "metrics_dossier_facts_outcome_check" CHECK ("outcome" IN ('early', 'on_time', 'late', 'closed'))
);
--> statement-breakpoint
CREATE INDEX "metrics_dossier_facts_received_idx" ON "metrics_dossier_facts" ("received_day", "unit_id");
--> statement-breakpoint
CREATE INDEX "metrics_dossier_facts_end_idx" ON "metrics_dossier_facts" ("end_day", "unit_id");
--> statement-breakpoint
CREATE TABLE "metrics_daily" (
	"unit_id" uuid NOT NULL,
	"field" text NOT NULL,
	"level" text NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"received_digitised" integer DEFAULT 0 NOT NULL,
	"received_reused" integer DEFAULT 0 NOT NULL,
	"received_synced" integer DEFAULT 0 NOT NULL,
	"ended" integer DEFAULT 0 NOT NULL,
	"resolved_early" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"resolved_late" integer DEFAULT 0 NOT NULL,
	"resolved_electronic" integer DEFAULT 0 NOT NULL,
	"timed" integer DEFAULT 0 NOT NULL,
	"processing_days" numeric DEFAULT 0 NOT NULL,
	"allotted_days" numeric DEFAULT 0 NOT NULL,
	"due" integer DEFAULT 0 NOT NULL,
	"due_or_end" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metrics_daily_pk" PRIMARY KEY("unit_id","day","field","level")
);
--> statement-breakpoint
CREATE TABLE "metrics_monthly" (LIKE "metrics_daily" INCLUDING DEFAULTS);
--> statement-breakpoint
ALTER TABLE "metrics_monthly" ADD CONSTRAINT "metrics_monthly_pk" PRIMARY KEY("unit_id","day","field","level");
--> statement-breakpoint
-- Rollup rows are updated in place many times: room on each page lets PostgreSQL keep the new version beside the
-- old (HOT update, no index entry) and autovacuum reclaim them early, so the tables stay small and fast to scan.
ALTER TABLE "metrics_daily" SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02);
--> statement-breakpoint
ALTER TABLE "metrics_monthly" SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02);
--> statement-breakpoint
CREATE INDEX "metrics_daily_day_idx" ON "metrics_daily" ("day");
--> statement-breakpoint
CREATE INDEX "metrics_monthly_day_idx" ON "metrics_monthly" ("day");
--> statement-breakpoint
CREATE FUNCTION "metrics_vietnam_day"(instant timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ((instant AT TIME ZONE 'UTC') + interval '7 hours')::date $$;
--> statement-breakpoint
CREATE FUNCTION "metrics_work_ordinal"(day date) RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT "ordinal" FROM "metrics_work_days" WHERE "day" = $1 $$;
--> statement-breakpoint
-- The first day of a reporting month (setting metrics.monthStartDay, TT 01/2020: the 21st; 1 = calendar months).
CREATE FUNCTION "metrics_month_start_day"() RETURNS integer
LANGUAGE sql STABLE AS $$
	SELECT coalesce((SELECT CASE WHEN jsonb_typeof(value) = 'number' AND (value #>> '{}')::numeric BETWEEN 1 AND 28
		AND (value #>> '{}')::numeric = floor((value #>> '{}')::numeric) THEN (value #>> '{}')::integer END
		FROM "settings" WHERE "key" = 'metrics.monthStartDay'), 21)
$$;
--> statement-breakpoint
-- The reporting month a day belongs to, named by its first day: with start day 21, 21/02 → 20/03 is '…-02-21'.
CREATE FUNCTION "metrics_month_bucket"(day date, start_day integer) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN extract(day FROM day) >= start_day
		THEN make_date(extract(year FROM day)::int, extract(month FROM day)::int, start_day)
		ELSE (make_date(extract(year FROM day)::int, extract(month FROM day)::int, start_day) - interval '1 month')::date END
$$;
--> statement-breakpoint
-- Adds (+1) the new and removes (−1) the old facts from the daily and monthly rollups. A fact counts on its received
-- day (received…), its end day (ended, resolved…), its due day (due) and the later of due and end (due_or_end): from
-- these one-dimensional counts every figure of a period is exact (docs/api/metrics.md, "Rollups"). The monthly rows
-- are reporting months (21st → 20th by default), so reporting periods read no daily row.
CREATE FUNCTION "metrics_apply_fact_changes"(olds "metrics_dossier_facts"[], news "metrics_dossier_facts"[]) RETURNS void
LANGUAGE sql AS $$
	WITH changes AS (
		SELECT -1 AS sign, o.* FROM unnest(olds) AS o
		UNION ALL
		SELECT 1 AS sign, n.* FROM unnest(news) AS n
	), contributions AS (
		SELECT unit_id, field, level, received_day AS day, sign AS received, sign * (channel = 'online')::int AS received_online,
			sign * is_digitised::int AS received_digitised, sign * is_reused::int AS received_reused,
			sign * is_synced::int AS received_synced, 0 AS ended, 0 AS resolved_early, 0 AS resolved_on_time,
			0 AS resolved_late, 0 AS resolved_electronic, 0 AS timed, 0::numeric AS processing_days,
			0::numeric AS allotted_days, 0 AS due, 0 AS due_or_end
		FROM changes
		UNION ALL
		SELECT unit_id, field, level, end_day, 0, 0, 0, 0, 0, sign, sign * (outcome = 'early')::int,
			sign * (outcome = 'on_time')::int, sign * (outcome = 'late')::int,
			sign * (outcome <> 'closed' AND has_electronic_result)::int, sign * (processing_days IS NOT NULL)::int,
			sign * coalesce(processing_days, 0), sign * coalesce(allotted_days, 0), 0, 0
		FROM changes WHERE end_day IS NOT NULL
		UNION ALL
		SELECT unit_id, field, level, due_day, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign, 0
		FROM changes WHERE due_day IS NOT NULL
		UNION ALL
		SELECT unit_id, field, level, greatest(due_day, end_day), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign
		FROM changes WHERE due_day IS NOT NULL AND end_day IS NOT NULL
	), daily AS (
		INSERT INTO "metrics_daily" AS t
		SELECT unit_id, field, level, day, sum(received), sum(received_online), sum(received_digitised), sum(received_reused), sum(received_synced), sum(ended), sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(resolved_electronic), sum(timed), sum(processing_days), sum(allotted_days), sum(due), sum(due_or_end)
		FROM contributions GROUP BY unit_id, day, field, level ORDER BY unit_id, day, field, level
		ON CONFLICT (unit_id, day, field, level) DO UPDATE SET
		received = t.received + excluded.received,
		received_online = t.received_online + excluded.received_online,
		received_digitised = t.received_digitised + excluded.received_digitised,
		received_reused = t.received_reused + excluded.received_reused,
		received_synced = t.received_synced + excluded.received_synced,
		ended = t.ended + excluded.ended,
		resolved_early = t.resolved_early + excluded.resolved_early,
		resolved_on_time = t.resolved_on_time + excluded.resolved_on_time,
		resolved_late = t.resolved_late + excluded.resolved_late,
		resolved_electronic = t.resolved_electronic + excluded.resolved_electronic,
		timed = t.timed + excluded.timed,
		processing_days = t.processing_days + excluded.processing_days,
		allotted_days = t.allotted_days + excluded.allotted_days,
		due = t.due + excluded.due,
		due_or_end = t.due_or_end + excluded.due_or_end
		RETURNING 1
	)
	INSERT INTO "metrics_monthly" AS t
	SELECT unit_id, field, level, "metrics_month_bucket"(day, (SELECT "metrics_month_start_day"())) AS month, sum(received), sum(received_online), sum(received_digitised), sum(received_reused), sum(received_synced), sum(ended), sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(resolved_electronic), sum(timed), sum(processing_days), sum(allotted_days), sum(due), sum(due_or_end)
	FROM contributions GROUP BY unit_id, month, field, level ORDER BY unit_id, month, field, level
	ON CONFLICT (unit_id, day, field, level) DO UPDATE SET
		received = t.received + excluded.received,
		received_online = t.received_online + excluded.received_online,
		received_digitised = t.received_digitised + excluded.received_digitised,
		received_reused = t.received_reused + excluded.received_reused,
		received_synced = t.received_synced + excluded.received_synced,
		ended = t.ended + excluded.ended,
		resolved_early = t.resolved_early + excluded.resolved_early,
		resolved_on_time = t.resolved_on_time + excluded.resolved_on_time,
		resolved_late = t.resolved_late + excluded.resolved_late,
		resolved_electronic = t.resolved_electronic + excluded.resolved_electronic,
		timed = t.timed + excluded.timed,
		processing_days = t.processing_days + excluded.processing_days,
		allotted_days = t.allotted_days + excluded.allotted_days,
		due = t.due + excluded.due,
		due_or_end = t.due_or_end + excluded.due_or_end;
$$;
--> statement-breakpoint
CREATE FUNCTION "metrics_facts_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "metrics_apply_fact_changes"('{}'::"metrics_dossier_facts"[], (SELECT coalesce(array_agg(row(n.*)::"metrics_dossier_facts"), '{}') FROM new_facts AS n));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "metrics_facts_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "metrics_apply_fact_changes"((SELECT coalesce(array_agg(row(o.*)::"metrics_dossier_facts"), '{}') FROM old_facts AS o),
		(SELECT coalesce(array_agg(row(n.*)::"metrics_dossier_facts"), '{}') FROM new_facts AS n));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "metrics_facts_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "metrics_apply_fact_changes"((SELECT coalesce(array_agg(row(o.*)::"metrics_dossier_facts"), '{}') FROM old_facts AS o), '{}'::"metrics_dossier_facts"[]);
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "metrics_facts_insert" AFTER INSERT ON "metrics_dossier_facts"
REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION "metrics_facts_inserted"();
--> statement-breakpoint
CREATE TRIGGER "metrics_facts_update" AFTER UPDATE ON "metrics_dossier_facts"
REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION "metrics_facts_updated"();
--> statement-breakpoint
CREATE TRIGGER "metrics_facts_delete" AFTER DELETE ON "metrics_dossier_facts"
REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION "metrics_facts_deleted"();
--> statement-breakpoint
-- The facts of some dossiers, recomputed from the dossier, its components and its national-portal messages. A fact
-- that did not change is not rewritten (no rollup churn on the many updates that touch nothing counted).
CREATE FUNCTION "metrics_refresh_facts"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF coalesce(array_length(ids, 1), 0) = 0 THEN RETURN; END IF;
	DELETE FROM "metrics_dossier_facts" f USING unnest(ids) AS i(id), "dossiers" d
	WHERE f.dossier_id = i.id AND d.id = i.id AND d.received_at IS NULL;
	INSERT INTO "metrics_dossier_facts"
	SELECT d.id, d.handling_unit_id, d.field, d.level, d.procedure_code, d.channel, x.received_day, x.end_day, x.due_day,
		x.outcome, coalesce(c.is_digitised, false), coalesce(c.is_reused, false), d.result_is_electronic,
		coalesce(p.is_synced, false),
		CASE WHEN x.outcome IN ('early', 'on_time', 'late') THEN
			"metrics_work_ordinal"(x.end_day) - "metrics_work_ordinal"(x.received_day) - d.paused_working_minutes / 480.0 END,
		CASE WHEN x.outcome IN ('early', 'on_time', 'late') THEN
			"metrics_work_ordinal"(x.due_day) - "metrics_work_ordinal"(x.received_day) - d.paused_working_minutes / 480.0 END
	FROM (SELECT DISTINCT unnest(ids)) AS i(id)
	JOIN "dossiers" d ON d.id = i.id
	CROSS JOIN LATERAL (
		SELECT "metrics_vietnam_day"(d.received_at) AS received_day,
			-- greatest() skips nulls: an open end or a missing due stays null.
			CASE WHEN coalesce(d.resolved_at, CASE WHEN d.status IN ('refused', 'stopped') THEN d.closed_at END) IS NOT NULL THEN
				greatest("metrics_vietnam_day"(coalesce(d.resolved_at, d.closed_at)), "metrics_vietnam_day"(d.received_at)) END AS end_day,
			CASE WHEN d.due_at IS NOT NULL THEN
				greatest("metrics_vietnam_day"(d.due_at), "metrics_vietnam_day"(d.received_at)) END AS due_day,
			CASE WHEN d.resolved_at IS NOT NULL THEN coalesce(d.timing, 'on_time')
				WHEN d.status IN ('refused', 'stopped') AND d.closed_at IS NOT NULL THEN 'closed' END AS outcome
	) x
	LEFT JOIN LATERAL (
		SELECT bool_and(k.is_digitised OR k.presence = 'reused') FILTER (WHERE k.presence <> 'missing')
				AND count(*) FILTER (WHERE k.presence <> 'missing') > 0 AS is_digitised,
			bool_or(k.presence = 'reused' OR k.reused_from IS NOT NULL) AS is_reused
		FROM "dossier_components" k WHERE k.dossier_id = d.id
	) c ON true
	LEFT JOIN LATERAL (
		SELECT count(*) > 0 AND bool_and(m.status = 'sent') AS is_synced
		FROM "notify_outbox" m
		WHERE m.ref_type = 'dossier' AND m.ref_id = d.id::text AND m.channel = 'national_portal'
	) p ON true
	WHERE d.received_at IS NOT NULL
	ON CONFLICT (dossier_id) DO UPDATE SET
		unit_id = excluded.unit_id, field = excluded.field, level = excluded.level,
		procedure_code = excluded.procedure_code, channel = excluded.channel, received_day = excluded.received_day,
		end_day = excluded.end_day, due_day = excluded.due_day, outcome = excluded.outcome,
		is_digitised = excluded.is_digitised, is_reused = excluded.is_reused,
		has_electronic_result = excluded.has_electronic_result, is_synced = excluded.is_synced,
		processing_days = excluded.processing_days, allotted_days = excluded.allotted_days
	WHERE ("metrics_dossier_facts".unit_id, "metrics_dossier_facts".field, "metrics_dossier_facts".level,
			"metrics_dossier_facts".procedure_code, "metrics_dossier_facts".channel, "metrics_dossier_facts".received_day,
			"metrics_dossier_facts".end_day, "metrics_dossier_facts".due_day, "metrics_dossier_facts".outcome,
			"metrics_dossier_facts".is_digitised, "metrics_dossier_facts".is_reused,
			"metrics_dossier_facts".has_electronic_result, "metrics_dossier_facts".is_synced,
			"metrics_dossier_facts".processing_days, "metrics_dossier_facts".allotted_days)
		IS DISTINCT FROM (excluded.unit_id, excluded.field, excluded.level, excluded.procedure_code, excluded.channel,
			excluded.received_day, excluded.end_day, excluded.due_day, excluded.outcome, excluded.is_digitised,
			excluded.is_reused, excluded.has_electronic_result, excluded.is_synced, excluded.processing_days,
			excluded.allotted_days);
END $$;
--> statement-breakpoint
CREATE FUNCTION "metrics_dossiers_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "metrics_refresh_facts"((SELECT array_agg(id) FROM changed_dossiers));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "metrics_dossiers_insert" AFTER INSERT ON "dossiers"
REFERENCING NEW TABLE AS changed_dossiers FOR EACH STATEMENT EXECUTE FUNCTION "metrics_dossiers_changed"();
--> statement-breakpoint
CREATE TRIGGER "metrics_dossiers_update" AFTER UPDATE ON "dossiers"
REFERENCING NEW TABLE AS changed_dossiers FOR EACH STATEMENT EXECUTE FUNCTION "metrics_dossiers_changed"();
--> statement-breakpoint
CREATE FUNCTION "metrics_components_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "metrics_refresh_facts"((SELECT array_agg(DISTINCT dossier_id) FROM new_components));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "metrics_components_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "metrics_refresh_facts"((SELECT array_agg(DISTINCT dossier_id) FROM
		(SELECT dossier_id FROM new_components UNION SELECT dossier_id FROM old_components) AS c));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "metrics_components_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "metrics_refresh_facts"((SELECT array_agg(DISTINCT dossier_id) FROM old_components));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "metrics_components_insert" AFTER INSERT ON "dossier_components"
REFERENCING NEW TABLE AS new_components FOR EACH STATEMENT EXECUTE FUNCTION "metrics_components_inserted"();
--> statement-breakpoint
CREATE TRIGGER "metrics_components_update" AFTER UPDATE ON "dossier_components"
REFERENCING OLD TABLE AS old_components NEW TABLE AS new_components FOR EACH STATEMENT EXECUTE FUNCTION "metrics_components_updated"();
--> statement-breakpoint
CREATE TRIGGER "metrics_components_delete" AFTER DELETE ON "dossier_components"
REFERENCING OLD TABLE AS old_components FOR EACH STATEMENT EXECUTE FUNCTION "metrics_components_deleted"();
--> statement-breakpoint
-- The sync state of a dossier is the state of its national-portal messages (notify outbox, docs/api/notify.md).
CREATE FUNCTION "metrics_outbox_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "metrics_refresh_facts"((SELECT array_agg(DISTINCT ref_id::uuid) FROM changed_messages
		WHERE ref_type = 'dossier' AND channel = 'national_portal'
			AND ref_id ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "metrics_outbox_insert" AFTER INSERT ON "notify_outbox"
REFERENCING NEW TABLE AS changed_messages FOR EACH STATEMENT EXECUTE FUNCTION "metrics_outbox_changed"();
--> statement-breakpoint
CREATE TRIGGER "metrics_outbox_update" AFTER UPDATE ON "notify_outbox"
REFERENCING NEW TABLE AS changed_messages FOR EACH STATEMENT EXECUTE FUNCTION "metrics_outbox_changed"();
--> statement-breakpoint
CREATE TRIGGER "metrics_outbox_delete" AFTER DELETE ON "notify_outbox"
REFERENCING OLD TABLE AS changed_messages FOR EACH STATEMENT EXECUTE FUNCTION "metrics_outbox_changed"();
--> statement-breakpoint
-- Dossiers that exist already (an installation upgraded with dossiers in it).
SELECT "metrics_refresh_facts"(array_agg(id)) FROM "dossiers" WHERE received_at IS NOT NULL;

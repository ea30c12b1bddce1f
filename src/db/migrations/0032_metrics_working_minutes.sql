-- Measured processing times in SQL (issue 13, docs/api/metrics.md "Measured processing time"): each resolved
-- dossier's working time from receipt to result, its pauses excluded, kept on its facts by the facts refresh, so that
-- GET /api/metrics/processing-times reads one column instead of measuring every dossier of the period again.
-- The definition is measureProcessingMinutes' (src/modules/dossiers/measures.ts → core/calendar/working-time.ts):
-- working time of the work calendar in [received, resolved] minus that of the dossier's pauses (an open pause ends at
-- the result), clipped to that interval and merged, in milliseconds (instants truncated to the millisecond, as a
-- JavaScript Date reads them) ÷ 60,000 — the same double. src/modules/metrics/working-minutes.property.test.ts
-- compares both.

-- The working sessions of a day as offsets from the Vietnam midnight in milliseconds (setting calendar.sessions; the
-- default 08:00–12:00, 13:30–17:30 here), kept in line with the work calendar by syncWorkDays like metrics_work_days.
CREATE TABLE "metrics_work_sessions" (
	"start_ms" integer PRIMARY KEY NOT NULL,
	"end_ms" integer NOT NULL,
	CONSTRAINT "metrics_work_sessions_span_check" CHECK ("end_ms" > "start_ms" AND "start_ms" >= 0 AND "end_ms" <= 86400000)
);
--> statement-breakpoint
INSERT INTO "metrics_work_sessions" ("start_ms", "end_ms") VALUES (28800000, 43200000), (48600000, 63000000);
--> statement-breakpoint
ALTER TABLE "metrics_dossier_facts" ADD COLUMN "working_minutes" double precision;
--> statement-breakpoint
-- Working milliseconds of the work calendar from the start of metrics_work_days up to an instant: the whole working
-- days before its Vietnam day, then, on a working day, the part of each session before it. The working time of
-- [a, b] is the difference of the two (b after a). Null outside the table's days (2015–2045).
CREATE FUNCTION "metrics_working_ms"(instant timestamptz) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT (w.ordinal - w.is_working::int)::bigint * (SELECT sum(s.end_ms - s.start_ms) FROM "metrics_work_sessions" s)
		+ CASE WHEN w.is_working THEN (SELECT coalesce(sum(greatest(0, least(t.offset_ms, s.end_ms) - s.start_ms)), 0)
			FROM "metrics_work_sessions" s) ELSE 0 END
	FROM (SELECT floor(extract(epoch FROM instant) * 1000)::bigint + 25200000 AS local_ms) l
	CROSS JOIN LATERAL (SELECT date '1970-01-01' + (l.local_ms / 86400000)::int AS day, l.local_ms % 86400000 AS offset_ms) t
	JOIN "metrics_work_days" w ON w.day = t.day
$$;
--> statement-breakpoint
-- A dossier's working minutes from receipt to result, its pauses (supplements) excluded; null without a result.
-- PL/pgSQL: its statements are planned once a session (a SQL function with this query was planned on every call),
-- and most dossiers have no pause.
CREATE FUNCTION "metrics_processing_working_minutes"(dossier uuid, received timestamptz, resolved timestamptz)
RETURNS double precision LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
	total bigint;
	paused numeric := 0;
BEGIN
	IF received IS NULL OR resolved IS NULL THEN RETURN NULL; END IF;
	IF resolved <= received THEN RETURN 0; END IF;
	total := "metrics_working_ms"(resolved) - "metrics_working_ms"(received);
	IF EXISTS (SELECT 1 FROM "dossier_pauses" p WHERE p.dossier_id = dossier) THEN
		WITH clipped AS (
			SELECT greatest(p.started_at, received) AS from_at, least(coalesce(p.ended_at, resolved), resolved) AS to_at
			FROM "dossier_pauses" p WHERE p.dossier_id = dossier
		), ordered AS (
			SELECT c.from_at, c.to_at,
				max(c.to_at) OVER (ORDER BY c.from_at, c.to_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
			FROM clipped c WHERE c.to_at > c.from_at
		), islands AS (
			-- A pause starting after every earlier one has ended opens an island; the others join the current one.
			SELECT o.from_at, o.to_at, count(*) FILTER (WHERE o.reach IS NULL OR o.from_at > o.reach)
				OVER (ORDER BY o.from_at, o.to_at) AS island
			FROM ordered o
		), merged AS (
			SELECT min(i.from_at) AS from_at, max(i.to_at) AS to_at FROM islands i GROUP BY i.island
		)
		SELECT coalesce(sum("metrics_working_ms"(m.to_at) - "metrics_working_ms"(m.from_at)), 0) INTO paused FROM merged m;
	END IF;
	RETURN (total - paused)::double precision / 60000;
END $$;
--> statement-breakpoint
-- The facts as in 0027, with the working minutes of a dossier with a result; still written only where they differ.
CREATE OR REPLACE FUNCTION "metrics_refresh_facts"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	computed "metrics_dossier_facts"[];
	changed "metrics_dossier_facts"[];
	gone uuid[];
BEGIN
	IF coalesce(array_length(ids, 1), 0) = 0 THEN RETURN; END IF;
	SELECT coalesce(array_agg(row(d.id, d.handling_unit_id, d.field, d.level, d.procedure_code, d.channel, x.received_day,
		x.end_day, x.due_day, x.outcome, coalesce(c.is_digitised, false), coalesce(c.is_reused, false), d.result_is_electronic,
		coalesce(p.is_synced, false),
		CASE WHEN x.outcome IN ('early', 'on_time', 'late') THEN
			we.ordinal - wr.ordinal - d.paused_working_minutes / 480.0 END,
		CASE WHEN x.outcome IN ('early', 'on_time', 'late') THEN
			wd.ordinal - wr.ordinal - d.paused_working_minutes / 480.0 END,
		CASE WHEN d.resolved_at IS NOT NULL THEN
			"metrics_processing_working_minutes"(d.id, d.received_at, d.resolved_at) END
		)::"metrics_dossier_facts"), '{}')
	INTO computed
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
	-- The working-day ordinals (metrics_work_ordinal) as joins: a function call per value costs more than the lookup.
	LEFT JOIN "metrics_work_days" wr ON wr.day = x.received_day
	LEFT JOIN "metrics_work_days" we ON we.day = x.end_day
	LEFT JOIN "metrics_work_days" wd ON wd.day = x.due_day
	WHERE d.received_at IS NOT NULL;

	SELECT array_agg(n) INTO changed
	FROM unnest(computed) AS n
	LEFT JOIN "metrics_dossier_facts" f ON f.dossier_id = n.dossier_id
	WHERE f.dossier_id IS NULL OR row(f.*) IS DISTINCT FROM row(n.*);

	SELECT array_agg(f.dossier_id) INTO gone
	FROM "metrics_dossier_facts" f
	WHERE f.dossier_id = ANY (ids) AND NOT f.dossier_id = ANY (SELECT n.dossier_id FROM unnest(computed) AS n);

	IF gone IS NOT NULL THEN
		DELETE FROM "metrics_dossier_facts" WHERE dossier_id = ANY (gone);
	END IF;
	IF changed IS NOT NULL THEN
		INSERT INTO "metrics_dossier_facts" SELECT n.* FROM unnest(changed) AS n
		ON CONFLICT (dossier_id) DO UPDATE SET
			unit_id = excluded.unit_id, field = excluded.field, level = excluded.level,
			procedure_code = excluded.procedure_code, channel = excluded.channel, received_day = excluded.received_day,
			end_day = excluded.end_day, due_day = excluded.due_day, outcome = excluded.outcome,
			is_digitised = excluded.is_digitised, is_reused = excluded.is_reused,
			has_electronic_result = excluded.has_electronic_result, is_synced = excluded.is_synced,
			processing_days = excluded.processing_days, allotted_days = excluded.allotted_days,
			working_minutes = excluded.working_minutes;
	END IF;
END $$;
--> statement-breakpoint
-- The rollups count nothing of the working minutes: facts whose only change is theirs (a pause edited after the
-- result, new working sessions) move no rollup row.
CREATE OR REPLACE FUNCTION "metrics_facts_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	olds "metrics_dossier_facts"[];
	news "metrics_dossier_facts"[];
BEGIN
	SELECT coalesce(array_agg(row(o.*)::"metrics_dossier_facts"), '{}'), coalesce(array_agg(row(n.*)::"metrics_dossier_facts"), '{}')
	INTO olds, news
	FROM old_facts o JOIN new_facts n ON n.dossier_id = o.dossier_id
	WHERE (o.unit_id, o.field, o.level, o.procedure_code, o.channel, o.received_day, o.end_day, o.due_day, o.outcome,
			o.is_digitised, o.is_reused, o.has_electronic_result, o.is_synced, o.processing_days, o.allotted_days)
		IS DISTINCT FROM (n.unit_id, n.field, n.level, n.procedure_code, n.channel, n.received_day, n.end_day, n.due_day,
			n.outcome, n.is_digitised, n.is_reused, n.has_electronic_result, n.is_synced, n.processing_days, n.allotted_days);
	PERFORM "metrics_apply_fact_changes"(olds, news);
	RETURN NULL;
END $$;
--> statement-breakpoint
-- A pause added, moved or removed once the dossier has its result changes its working minutes (the lifecycle closes
-- pauses before the result; data written later, a correction, must count too). Dossiers without a result have none:
-- nothing to refresh. Inserts and deletes by statement (bulk loads), the rare updates by row.
CREATE FUNCTION "metrics_pauses_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "metrics_refresh_facts"(ARRAY(SELECT DISTINCT f.dossier_id FROM changed_pauses c
		JOIN "metrics_dossier_facts" f ON f.dossier_id = c.dossier_id WHERE f.outcome IN ('early', 'on_time', 'late')));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "metrics_pauses_insert" AFTER INSERT ON "dossier_pauses"
REFERENCING NEW TABLE AS changed_pauses FOR EACH STATEMENT EXECUTE FUNCTION "metrics_pauses_changed"();
--> statement-breakpoint
CREATE TRIGGER "metrics_pauses_delete" AFTER DELETE ON "dossier_pauses"
REFERENCING OLD TABLE AS changed_pauses FOR EACH STATEMENT EXECUTE FUNCTION "metrics_pauses_changed"();
--> statement-breakpoint
CREATE FUNCTION "metrics_pause_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "metrics_refresh_facts"(ARRAY(SELECT f.dossier_id FROM "metrics_dossier_facts" f
		WHERE f.dossier_id IN (OLD.dossier_id, NEW.dossier_id) AND f.outcome IN ('early', 'on_time', 'late')));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "metrics_pauses_update" AFTER UPDATE ON "dossier_pauses" FOR EACH ROW
WHEN (OLD.dossier_id IS DISTINCT FROM NEW.dossier_id
	OR OLD.started_at IS DISTINCT FROM NEW.started_at
	OR OLD.ended_at IS DISTINCT FROM NEW.ended_at)
EXECUTE FUNCTION "metrics_pause_row_changed"();
--> statement-breakpoint
-- Facts that exist already: their working minutes, through the refresh (the one definition).
SELECT "metrics_refresh_facts"(array_agg(dossier_id)) FROM "metrics_dossier_facts" WHERE outcome IN ('early', 'on_time', 'late');

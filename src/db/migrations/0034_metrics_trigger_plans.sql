-- The metrics triggers of a dossier's own changes planned once a session instead of on every call (issue 12,
-- bench:dossiers). Measured on PostgreSQL 15, a warmed database, a dossier whose facts do not change:
-- metrics_refresh_facts of one dossier 1.65 ms, ~1.2 ms of it planning — PL/pgSQL keeps its statements as cached
-- plans, but the plan cache compares the generic plan (unnest of an array parameter: 10 rows estimated) with custom
-- plans (1 row known) and plans anew on every call; and metrics_working_ms, a SQL function with a FROM clause (never
-- inlined), was planned on every call from PL/pgSQL (~0.45 ms, twice for each dossier with a result). After this
-- migration: 0.45 ms and 0.04 ms.
--
-- 1. metrics_working_ms in PL/pgSQL: the same query, planned once a session.
CREATE OR REPLACE FUNCTION "metrics_working_ms"(instant timestamptz) RETURNS bigint
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
	RETURN (SELECT (w.ordinal - w.is_working::int)::bigint * (SELECT sum(s.end_ms - s.start_ms) FROM "metrics_work_sessions" s)
		+ CASE WHEN w.is_working THEN (SELECT coalesce(sum(greatest(0, least(t.offset_ms, s.end_ms) - s.start_ms)), 0)
			FROM "metrics_work_sessions" s) ELSE 0 END
	FROM (SELECT floor(extract(epoch FROM instant) * 1000)::bigint + 25200000 AS local_ms) l
	CROSS JOIN LATERAL (SELECT date '1970-01-01' + (l.local_ms / 86400000)::int AS day, l.local_ms % 86400000 AS offset_ms) t
	JOIN "metrics_work_days" w ON w.day = t.day);
END $$;
--> statement-breakpoint
-- 2. The refresh of a few dossiers with generic plans: the setting holds for the whole call, so the statements it runs
-- (the facts, the facts trigger, the rollup update) keep one plan each. Called where a dossier changes by itself: the
-- row triggers of dossier and component updates, and the insert triggers when a statement inserts at most 16 dossiers'
-- rows (an intake). Not for the national-portal messages' row trigger: a bulk insert of messages, each a refresh, would
-- keep a plan made while the table was still empty and scan it whole for every row (measured: the load of
-- bench:metrics became quadratic). Bulk refreshes keep custom plans, which know how many dossiers they hold. A generic
-- plan is made again when the tables' statistics change (autovacuum's analyze; the job database-statistics on PGlite).
CREATE FUNCTION "metrics_refresh_few_facts"(ids uuid[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
	PERFORM "metrics_refresh_facts"(ids);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "metrics_dossier_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "metrics_refresh_few_facts"(ARRAY[NEW.id]);
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "metrics_component_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "metrics_refresh_few_facts"(ARRAY[OLD.dossier_id, NEW.dossier_id]);
	RETURN NULL;
END $$;
--> statement-breakpoint
-- 3. The statement triggers' choice by size: at most 16 dossiers (an intake) on the generic plans, more (a bulk insert)
-- on custom plans made for what the statement holds.
CREATE FUNCTION "metrics_refresh_dossiers"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF coalesce(array_length(ids, 1), 0) <= 16 THEN
		PERFORM "metrics_refresh_few_facts"(ids);
	ELSE
		PERFORM "metrics_refresh_facts"(ids);
	END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "metrics_dossiers_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "metrics_refresh_dossiers"((SELECT array_agg(id) FROM changed_dossiers WHERE received_at IS NOT NULL));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "metrics_components_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "metrics_refresh_dossiers"((SELECT array_agg(DISTINCT dossier_id) FROM new_components));
	RETURN NULL;
END $$;

-- Reserved in session 7 for metrics settings, which needed no schema change (they live in "settings"); a
-- placeholder like 0016, 0021, 0022 and 0024: never fill it (databases have recorded it as applied).
SELECT 1;

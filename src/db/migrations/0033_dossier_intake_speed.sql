-- Reserved in session 8 for fewer round trips of a dossier intake, which needed no schema change; a placeholder like
-- 0016, 0021, 0022, 0024 and 0029: never fill it (databases have recorded it as applied).
SELECT 1;

-- Reserved for 0016_dossier_lifecycle (filled in by the work that owns it).
SELECT 1;

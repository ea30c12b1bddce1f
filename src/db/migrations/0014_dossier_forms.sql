-- Reserved for 0014_dossier_forms (filled in by the work that owns it).
SELECT 1;

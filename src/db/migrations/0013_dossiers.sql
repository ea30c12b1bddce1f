-- Reserved for 0013_dossiers (filled in by the work that owns it).
SELECT 1;

-- Reserved for 0015_dossier_inbox (filled in by the work that owns it).
SELECT 1;

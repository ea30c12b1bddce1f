-- Reserved in session 8 for fewer round trips of a dossier intake.
SELECT 1;

-- Reserved in session 8 for the metrics facts' precomputed working minutes (measured processing times).
SELECT 1;

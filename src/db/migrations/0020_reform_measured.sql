-- Reserved for 0020_reform_measured (filled in by the work that owns it).
SELECT 1;

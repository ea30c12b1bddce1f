-- Reserved for 0009_decision_files (filled in by the work that owns it).
SELECT 1;

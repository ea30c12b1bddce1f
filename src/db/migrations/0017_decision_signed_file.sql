-- Reserved for 0017_decision_signed_file (filled in by the work that owns it).
SELECT 1;

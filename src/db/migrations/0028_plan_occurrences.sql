-- Reserved for 0028_plan_occurrences (filled in by the work that owns it, this session).
SELECT 1;

-- Reserved for 0025_plan_reports (filled in by the work that owns it, this session).
SELECT 1;

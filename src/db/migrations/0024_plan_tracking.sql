-- Reserved for 0024_plan_tracking (filled in by the work that owns it, this session).
SELECT 1;

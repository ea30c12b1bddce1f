-- Reserved for 0019_plans (filled in by the work that owns it).
SELECT 1;

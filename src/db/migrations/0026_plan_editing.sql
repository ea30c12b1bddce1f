-- Reserved for 0026_plan_editing (filled in by the work that owns it, this session).
SELECT 1;

-- Reserved for 0023_control_reports (filled in by the work that owns it, this session).
SELECT 1;

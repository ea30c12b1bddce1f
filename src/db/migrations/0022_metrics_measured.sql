-- Reserved for 0022_metrics_measured (filled in by the work that owns it, this session).
SELECT 1;

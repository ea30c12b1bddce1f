-- Reserved for 0029_metrics_settings (filled in by the work that owns it, this session).
SELECT 1;

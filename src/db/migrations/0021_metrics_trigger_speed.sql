-- Reserved for 0021_metrics_trigger_speed (filled in by the work that owns it, this session).
SELECT 1;

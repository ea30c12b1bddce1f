-- Reserved for 0018_metrics (filled in by the work that owns it).
SELECT 1;

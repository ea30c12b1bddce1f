-- Reserved for 0011_notify_jobs (filled in by the work that owns it).
SELECT 1;

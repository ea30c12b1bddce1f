-- Reserved for 0012_citizen_accounts (filled in by the work that owns it).
SELECT 1;

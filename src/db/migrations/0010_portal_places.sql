-- Reserved for 0010_portal_places (filled in by the work that owns it).
SELECT 1;

-- Reserved for issue work in progress; replaced by the real migration before it lands.
SELECT 1;

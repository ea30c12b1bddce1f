import { describePageAudits } from './accessibility';

// The accessibility run (e2e/accessibility.ts), group "leaders".
describePageAudits('leaders');

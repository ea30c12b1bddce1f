import { describePageAudits } from './accessibility';

// The accessibility run (e2e/accessibility.ts), group "adminPhone".
describePageAudits('adminPhone');

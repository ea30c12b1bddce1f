// The worker entry when the server runs from its TypeScript sources (tsx, vitest): a worker thread starts without
// the parent's loader, so it registers tsx itself before loading render-worker.ts. The compiled server loads
// dist/render-worker.js instead (render-pool.ts).
import { register } from 'tsx/esm/api';

register();
const { default: renderDocument } = await import('./render-worker.ts');
export default renderDocument;

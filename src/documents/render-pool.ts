import { Piscina } from 'piscina';
import { AppError } from '../core/errors';
import type { RenderTask } from './render-worker';

/**
 * The one render pool of the server: every PDF and DOCX motcua makes (reform proposals, dossier forms) is laid out
 * here, so that on two cores at most one render runs at a time whatever kind it is.
 *
 * In the compiled server this module is bundled into dist/ and the worker is dist/render-worker.js beside it; from the
 * sources, a small bootstrap registers tsx in the worker thread and loads render-worker.ts.
 */
const isCompiled = import.meta.url.endsWith('.js');
const workerFile = new URL(isCompiled ? './render-worker.js' : './render-worker-source.mjs', import.meta.url);

/**
 * One render at a time (on two cores, the other one keeps serving requests; each thread costs tens of MB), and a few
 * waiting behind it: more are refused with 503 rather than queued.
 */
const MAX_THREADS = 1;
const MAX_QUEUED = 8;

let pool: Piscina<RenderTask, Uint8Array> | undefined;

function getPool(): Piscina<RenderTask, Uint8Array> {
  pool ??= new Piscina({
    filename: workerFile.href,
    minThreads: 0,
    maxThreads: MAX_THREADS,
    maxQueue: MAX_QUEUED,
    // A thread (pdfmake, docx, fonts: tens of MB) stays a few seconds for the next download (the PDF after the DOCX),
    // then gives its memory back. The largest proposal the API accepts renders within about 250 MB of heap.
    idleTimeout: 5_000,
    resourceLimits: { maxOldGenerationSizeMb: 320, maxYoungGenerationSizeMb: 8 },
  });
  return pool;
}

/**
 * Renders a document (a reform proposal, a dossier form) on a worker thread, so that the event loop keeps serving other users. A render that
 * takes longer than `timeoutMs` (waiting included) is stopped: its thread is terminated.
 */
export async function renderOnWorker(task: RenderTask, timeoutMs: number): Promise<Buffer> {
  const workers = getPool();
  if (workers.queueSize >= MAX_QUEUED) throw busy();
  try {
    const result = await workers.run(task, { signal: AbortSignal.timeout(timeoutMs) });
    return Buffer.from(result.buffer, result.byteOffset, result.byteLength);
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') {
      throw new AppError(
        'unavailable',
        `Tạo văn bản vượt quá thời gian cho phép (${formatSeconds(timeoutMs)}) nên đã dừng. ` +
          'Hãy thử lại sau, hoặc chia văn bản thành các phần nhỏ hơn (phương án nhỏ hơn, kỳ sổ theo dõi ngắn hơn).',
      );
    }
    if (error instanceof Error && /queue is at limit/i.test(error.message)) throw busy();
    if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new AppError(
        'unavailable',
        'Văn bản quá lớn để tạo. Hãy chia thành các phần nhỏ hơn (phương án nhỏ hơn, kỳ sổ theo dõi ngắn hơn).',
      );
    }
    throw error;
  }
}

/** Stops the worker threads (server shutdown, tests). */
export async function closeRenderPool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}

const busy = () => new AppError('unavailable', 'Máy chủ đang bận tạo các văn bản khác. Vui lòng thử lại sau ít phút.');

function formatSeconds(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1).replace('.', ',')} giây`;
}

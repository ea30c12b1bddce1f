import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Vite names every file under assets/ by its content hash: a changed file gets a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html (and the other unhashed files) may be stored but are revalidated, so a new build shows at once. */
const REVALIDATE = 'no-cache';

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Không tìm thấy trang — Một cửa số</title></head>
<body><main><h1>Không tìm thấy trang</h1><p>Địa chỉ bạn mở không tồn tại hoặc đã được chuyển đi.</p><p><a href="/">Về trang chủ</a></p></main></body>
</html>
`;

/**
 * Serves the built web app (web/dist) outside /api: its files, and index.html for every other GET (the app's own
 * routes). HEAD is answered as GET without the body (Fastify drops the body of a HEAD answer and keeps its headers),
 * since monitors and link checkers probe pages with HEAD. Precompressed siblings (file.js.br, file.js.gz) are sent when the build made them; otherwise
 * registerCompression compresses on the fly.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string) {
  const hasWebApp = existsSync(join(webRoot, 'index.html'));
  if (hasWebApp) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders: (reply, path) => {
        const isHashedAsset = relative(webRoot, path).split(sep)[0] === 'assets';
        reply.header('cache-control', isHashedAsset ? IMMUTABLE : REVALIDATE);
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url === '/api' || request.url.startsWith('/api/');
    // A missing asset (an old bundle after a rebuild) must fail as a 404, not load the app page in its place.
    // (Procedure codes such as /thu-tuc/1.001193 end in digits, file extensions in a letter-led suffix.)
    const path = request.url.split('?')[0] ?? '';
    const isAsset = path.startsWith('/assets/') || /\.[a-z][a-z0-9]{0,5}$/i.test(path);
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    // A person who opens a missing file's address gets a page that says so, in Vietnamese; a script gets the error.
    if (isAsset && !isApi && isRead && (request.headers.accept ?? '').includes('text/html')) {
      return reply.status(404).type('text/html; charset=utf-8').send(NOT_FOUND_PAGE);
    }
    if (isApi || isAsset || !isRead) {
      return reply.status(404).send({
        error: { code: 'not_found', message: 'Không tìm thấy địa chỉ được yêu cầu.', details: [] },
      });
    }
    if (!hasWebApp) {
      return reply.status(503).type('text/plain; charset=utf-8').send('Giao diện web chưa được xây dựng: chạy "npm run build:web".');
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}

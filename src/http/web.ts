/**
 * The browser UI at `/`: the built single-page application in web/dist (hashed assets cached for
 * a year, pre-compressed copies sent when the browser accepts them, index.html for every other
 * GET outside /api so client-side routes survive a reload). Until the UI is built, `/` explains
 * where the API and its documentation are.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const PLACEHOLDER = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Polaris 北极星 OKR</title>
<style>body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2329;line-height:1.6}
code{background:#f2f3f5;padding:.1rem .3rem;border-radius:4px}a{color:#245bdb}</style></head>
<body><h1>Polaris 北极星 OKR</h1>
<p>服务已启动。API 位于 <code>/api/v1</code>，接口文档见 <a href="/api/docs">/api/docs</a>。</p>
<p>The server is running. The API lives under <code>/api/v1</code>; browse its documentation at
<a href="/api/docs">/api/docs</a> (OpenAPI: <a href="/api/openapi.json">/api/openapi.json</a>).</p>
</body></html>`;

/** web/dist, next to src/ and dist/ (this file runs from src/http or dist/http). */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const NO_CACHE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface WebOptions {
  /** the built UI; defaults to web/dist */
  root?: string;
}

/** Serves the UI (or the placeholder page when it is not built). */
export async function installWeb(app: FastifyInstance, opts: WebOptions = {}): Promise<void> {
  const root = opts.root ?? WEB_DIST;
  if (!existsSync(`${root}/index.html`)) {
    app.get('/', { schema: { hide: true } }, (_req, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', NO_CACHE).send(PLACEHOLDER),
    );
    return;
  }

  // hashed build output: never changes under the same name
  const assets = join(root, 'assets');
  await app.register(fastifyStatic, {
    root: assets,
    prefix: '/assets/',
    preCompressed: true,
    cacheControl: false,
    dotfiles: 'ignore',
    // sendFile of index.html goes through the same plugin: only assets are immutable
    setHeaders: (res, path) => {
      if (path.startsWith(assets)) void res.header('cache-control', IMMUTABLE);
    },
  });

  // files at the top of web/dist (favicon.svg, …); index.html is the fallback below
  const topFiles = new Set(
    readdirSync(root).filter(
      (f) => f !== 'index.html' && !f.startsWith('.') && statSync(`${root}/${f}`).isFile(),
    ),
  );

  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', NO_CACHE).sendFile('index.html', root, { cacheControl: false });

  app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, (req: FastifyRequest, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    // API and asset misses keep their problem+json 404
    if (path === '/api' || path.startsWith('/api/') || path.startsWith('/assets/')) {
      return reply.callNotFound();
    }
    let name: string;
    try {
      name = decodeURIComponent(path.slice(1));
    } catch {
      return reply.callNotFound();
    }
    if (topFiles.has(name)) {
      return reply
        .header('cache-control', 'public, max-age=3600')
        .sendFile(name, root, { cacheControl: false });
    }
    // a file-like path that is not there is a 404, not the application
    if (/\.[a-z0-9]{1,8}$/i.test(name)) return reply.callNotFound();
    return sendIndex(reply);
  });
}

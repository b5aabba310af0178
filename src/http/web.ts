/**
 * The browser UI at `/`. Until the web application is built (web/dist), `/` explains where the
 * API and its documentation are.
 */
import type { FastifyInstance } from 'fastify';

const PLACEHOLDER = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Polaris 北极星 OKR</title>
<style>body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2329;line-height:1.6}
code{background:#f2f3f5;padding:.1rem .3rem;border-radius:4px}a{color:#3370ff}</style></head>
<body><h1>Polaris 北极星 OKR</h1>
<p>服务已启动。API 位于 <code>/api/v1</code>，接口文档见 <a href="/api/docs">/api/docs</a>。</p>
<p>The server is running. The API lives under <code>/api/v1</code>; browse its documentation at
<a href="/api/docs">/api/docs</a> (OpenAPI: <a href="/api/openapi.json">/api/openapi.json</a>).</p>
</body></html>`;

/** Serves the UI's entry page. */
export function installWeb(app: FastifyInstance): void {
  app.get('/', { schema: { hide: true } }, (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(PLACEHOLDER),
  );
}

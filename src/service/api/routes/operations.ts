/**
 * What operators and integrators need besides the documents: liveness, readiness, the OpenAPI document
 * and a docs page that renders it (self-contained: nothing is loaded from the internet).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DocumentService } from '../../contract.ts';

export async function operationRoutes(app: FastifyInstance, { service }: { service: DocumentService }): Promise<void> {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const ready = await service.ready().catch(() => false);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable' });
  });

  app.get('/v2/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/docs', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', DOCS_CSP).send(DOCS_PAGE));
}

/** Lists every operation of /v2/openapi.json with its parameters and answers. */
const DOCS_STYLE = `
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{margin-top:2rem;font-size:1.1rem}code,.m{font-family:ui-monospace,monospace}.m{font-weight:700;margin-right:.5rem}
.op{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:.6rem 0}.d{color:#555}li{margin:.15rem 0}
`;

const DOCS_SCRIPT = `
fetch('/v2/openapi.json').then(r => r.json()).then(spec => {
  const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
  let html = '';
  for (const [path, ops] of Object.entries(spec.paths)) for (const [method, op] of Object.entries(ops)) {
    const params = (op.parameters || []).map(p => '<li><code>' + esc(p.name) + '</code> (' + esc(p.in) + ') ' + esc(p.description) + '</li>').join('');
    const answers = Object.entries(op.responses || {}).map(([c, r]) => '<li><code>' + esc(c) + '</code> ' + esc(r.description) + '</li>').join('');
    html += '<div class="op"><div><span class="m">' + method.toUpperCase() + '</span><code>' + esc(path) + '</code> — ' + esc(op.summary) + '</div>' +
      (op.description ? '<p class="d">' + esc(op.description) + '</p>' : '') + (params ? '<ul>' + params + '</ul>' : '') + '<ul>' + answers + '</ul></div>';
  }
  document.getElementById('ops').innerHTML = html;
});
`;

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vitae API</title>
<style>${DOCS_STYLE}</style></head><body>
<h1>Vitae API</h1>
<p>Affinda v2 compatible résumé parsing. Send <code>Authorization: Bearer &lt;key&gt;</code> (create one with
<code>vitae keys create</code>). Errors: <code>{"type", "errors": [{"attr", "code", "detail"}]}</code>.
Machine-readable: <a href="/v2/openapi.json">/v2/openapi.json</a>.</p>
<div id="ops">Loading…</div>
<script>${DOCS_SCRIPT}</script></body></html>`;

/** CSP source of an inline block: its SHA-256, so exactly this script and style run and no injected one does. */
const sha256Source = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const DOCS_CSP = [
  "default-src 'none'",
  `script-src ${sha256Source(DOCS_SCRIPT)}`,
  `style-src ${sha256Source(DOCS_STYLE)}`,
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

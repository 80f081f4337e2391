/**
 * The review page's HTML shell and security headers. The page itself is drawn by the bundled script
 * (web/review/, built into src/service/review/assets/); the shell only names it, so the CSP can forbid every
 * inline script and style, and anything not from this server.
 */
import type { FastifyReply } from 'fastify';

/**
 * `default-src 'self'` and nothing inline; no framing (clickjacking a "Mark verified" button); no referrer, since
 * the page's URL is the permission and page images would otherwise receive it in `Referer`.
 */
export function secureHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', "default-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'")
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-store');
}

export function reviewShell(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review résumé — Vitae</title>
<link rel="stylesheet" href="/review-assets/review.css">
<script type="module" src="/review-assets/review.js"></script>
</head>
<body>
<main id="app" aria-live="polite"><p>Loading…</p></main>
</body>
</html>
`;
}

export function refusedPage(detail: string): string {
  const text = detail.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Link not valid — Vitae</title><link rel="stylesheet" href="/review-assets/review.css"></head>
<body><main class="refused"><h1>This review link does not work</h1><p>${text}</p><p>Ask for a new link: every answer of the API about the document carries one in <code>meta.reviewUrl</code>.</p></main></body>
</html>
`;
}

/**
 * What app.ts adds for security, kept here so the app's own file only calls it (README "Security"):
 *  - safe response headers on every answer (routes that need others — the review page, page images, the docs
 *    page — set their own, which win);
 *  - the per-API-key request rate limit (`rateLimitPerMinute`), in Affinda's 429 shape with Retry-After;
 *  - a request serializer for the logs that never writes a signed link's token (page images, review pages);
 *  - the list of routes the app registers, so a test can require an isolation case for each one.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { ServiceConfig } from '../contract.ts';
import { throttled } from './errors.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
}

const ROUTES = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route registered on `app` (after `ready()`), HEAD routes Fastify adds for GET included. */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  return [...(ROUTES.get(app) ?? [])];
}

/** Call before any route is registered (the hooks below apply to routes registered after them). */
export function registerSecurity(app: FastifyInstance, config: ServiceConfig): void {
  const routes: RegisteredRoute[] = [];
  ROUTES.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });

  // Defaults for every answer; a route that sets one of these itself (the review page's CSP, a page image's
  // private caching, the docs page's CSP) keeps its own. API answers carry personal data and signed links:
  // nothing may store them, frame them, sniff them into HTML, or pass their URL on in Referer.
  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of DEFAULT_HEADERS) if (!reply.hasHeader(name)) reply.header(name, value);
  });

  if (config.rateLimitPerMinute > 0) {
    app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      // Per API key, counted after authentication (the limiter's hook is route-level, so it runs after the
      // routes' `authenticate` hook): requests without a valid key are answered 401 and never counted, and
      // routes without a key (page images, review pages, health) are not limited by it.
      allowList: (request: FastifyRequest) => !request.apiKeyHash,
      keyGenerator: (request: FastifyRequest) => request.apiKeyHash!,
      // The Affinda shape through the app's error handler, which also sets Retry-After (as the plugin does).
      errorResponseBuilder: (_request, context) => {
        const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
        return throttled(seconds, `Request was throttled. Expected available in ${seconds} seconds.`);
      },
    });
  }
}

const DEFAULT_HEADERS: Array<[string, string]> = [
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'no-referrer'],
  ['x-frame-options', 'DENY'],
  // JSON and images need nothing: no script, style or frame may run from an API answer opened in a browser.
  ['content-security-policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"],
  ['cache-control', 'no-store'],
];

/**
 * The request as logged: the URL without what makes a signed link work. A page image link's `token` and
 * `expires` and a review link's `<expires>.<token>` path segment are credentials until they expire; the
 * document identifier stays, so a request can still be traced.
 */
export function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q + 1);
  // `/review/<identifier>.<expires>.<token>[/…]`: keep the identifier. Any other dotted segment after
  // /review/ is redacted whole, in case it is a link mangled by the client.
  const safePath = path.replace(/^(\/review\/)([^/.]*)\.[^/]*/, '$1$2.[redacted]');
  if (!query) return safePath;
  const safeQuery = query
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0]!;
      return /^(token|expires|key|api_key|apikey|secret)$/i.test(decodeSafely(name)) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${safePath}?${safeQuery}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

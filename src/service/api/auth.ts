/**
 * API-key authentication, as Affinda does it: `Authorization: Bearer <key>` (DRF's `Token` prefix is
 * taken too). Registered inside the document routes' plugin, so only they require a key; health checks,
 * the docs and unknown paths answer without one.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { DocumentService, Workspace } from '../contract.ts';
import { authenticationFailed, notAuthenticated } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's workspace; set by `authenticate` before any document route runs. */
    workspace: Workspace;
    /**
     * SHA-256 (hex) of the caller's valid API key, set by `authenticate`: what the per-key rate limit counts by,
     * so the key itself is never held in the limiter's memory nor anywhere it might be logged.
     */
    apiKeyHash?: string;
  }
}

const SCHEME = /^(?:Bearer|Token)\s+(\S+)\s*$/i;

export function authenticate(service: DocumentService): onRequestAsyncHookHandler {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    if (!header) throw notAuthenticated();
    const key = SCHEME.exec(header)?.[1];
    const workspace = key ? await service.authenticate(key) : null;
    if (!workspace) throw authenticationFailed();
    request.workspace = workspace;
    request.apiKeyHash = createHash('sha256').update(key!).digest('hex');
  };
}

/** The origin clients reach the API at, for absolute URLs in answers: the configured public URL, else the request's host. */
import type { FastifyRequest } from 'fastify';
import type { ServiceConfig } from '../contract.ts';

export function originOf(request: FastifyRequest, config: ServiceConfig): string {
  return (config.publicUrl ?? `${request.protocol}://${request.headers.host ?? `${config.host}:${config.port}`}`).replace(/\/+$/, '');
}

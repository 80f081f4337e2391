/**
 * `/v2/occupation_groups`: the occupation classification job titles are coded in, as Affinda lists it — a
 * plain array (not paginated) of `{code, name, children}`. Vitae classifies into UK SOC 2010 (see
 * src/knowledge/soc.ts): 9 major groups, each with its sub-major, minor and unit groups as children.
 *
 *   GET /v2/occupation_groups     200 OccupationGroup[]
 */
import type { FastifyInstance } from 'fastify';
import type { DocumentService } from '../../contract.ts';
import { authenticate } from '../auth.ts';
import { occupationGroups } from '../../../knowledge/soc.ts';

const ERROR = { description: 'Missing (`not_authenticated`) or invalid (`authentication_failed`) API key', content: { 'application/json': { schema: { $ref: 'RequestError#' } } } };

const occupationGroupsSchema = {
  tags: ['occupation groups'],
  security: [{ bearerAuth: [] }],
  summary: 'List the occupation groups (UK SOC 2010)',
  description: 'The classification `workExperience[].occupation.classification` codes into: major groups with their sub-major, minor and unit groups as `children`.',
  response: {
    200: { description: 'Major groups, each with its groups below', content: { 'application/json': { schema: { type: 'array', items: { $ref: 'OccupationGroup#' } } } } },
    401: ERROR,
  },
};

export async function occupationGroupRoutes(app: FastifyInstance, { service }: { service: DocumentService }): Promise<void> {
  app.addHook('onRequest', authenticate(service));
  app.get('/v2/occupation_groups', { schema: occupationGroupsSchema }, async () => occupationGroups());
}

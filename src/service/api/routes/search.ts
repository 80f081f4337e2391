/**
 * `/v2/resume_search`: search and match over the workspace's indices, as Affinda answers.
 *
 *   POST /v2/resume_search?offset&limit               201 {count, next, previous, parameters, results: ResumeSearchResult[]}
 *   POST /v2/resume_search/details/:identifier        200 ResumeSearchDetail
 *   GET  /v2/resume_search/match?resume&…             200 {score, details}
 *   GET  /v2/resume_search/suggestion_job_title       200 string[]
 *   GET  /v2/resume_search/suggestion_skill           200 string[]
 *
 * Vitae parses no job descriptions: `jobDescription` in a search and `job_description` in a match are refused
 * with a validation error saying so. A match takes the job's criteria from the query instead (Vitae's
 * addition): `job_titles`, `skills`, `languages`, `soc_codes`, `highest_degree_types` (each repeatable),
 * `years_experience_min`, `years_experience_max`, `management_level`, with Affinda's `search_expression` and weights.
 */
import type { FastifyInstance } from 'fastify';
import type { DocumentService, ServiceConfig } from '../../contract.ts';
import { authenticate } from '../auth.ts';
import { ApiError, invalid } from '../errors.ts';
import { parseSearchParameters, type FieldError } from '../../search/params.ts';
import { suggestJobTitles, suggestSkills } from '../../search/suggestions.ts';
import { integer, links, searchOf } from './indices.ts';

/** Affinda's page size cap for searches; more is clamped (the clients send 300 unasked), as the résumé list does. */
export const MAX_SEARCH_LIMIT = 50;
const DEFAULT_SEARCH_LIMIT = 20;

const tags = ['search & match'];
const security = [{ bearerAuth: [] }];
const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: 'RequestError#' } } } });
const ERRORS = { 400: error('Validation error; `attr` names the field'), 401: error('Missing or invalid API key') };
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const strings = { type: 'array', items: { type: 'string' } };
const list = { description: 'Suggestions', content: { 'application/json': { schema: strings } } };

/** Query weights of a match, by the body field they stand for. */
const MATCH_WEIGHTS: Record<string, string> = {
  job_titles_weight: 'jobTitlesWeight',
  years_experience_weight: 'yearsExperienceWeight',
  locations_weight: 'locationsWeight',
  languages_weight: 'languagesWeight',
  skills_weight: 'skillsWeight',
  education_weight: 'educationWeight',
  search_expression_weight: 'searchExpressionWeight',
  soc_codes_weight: 'socCodesWeight',
  management_level_weight: 'managementLevelWeight',
};

export async function searchRoutes(app: FastifyInstance, { service, config }: { service: DocumentService; config: ServiceConfig }): Promise<void> {
  app.addHook('onRequest', authenticate(service));

  app.post(
    '/v2/resume_search',
    {
      schema: {
        tags,
        security,
        summary: 'Search the résumés of one or more indices',
        description:
          'Body: Affinda’s ResumeSearchParameters (`indices` required; criteria with `…Weight` 0–1 and `…Required`). Results best first, each with per-criterion scores. `jobDescription` is refused: Vitae parses no job descriptions.',
        querystring: {
          type: 'object',
          properties: { offset: { type: 'string', description: 'Results to skip (default 0).' }, limit: { type: 'string', description: 'Page size, 1–50 (default 20; more is clamped).' } },
        },
        response: { 201: ok('{count, next, previous, parameters, results}'), ...ERRORS },
      },
    },
    async (request, reply) => {
      const q = request.query as Record<string, string | undefined>;
      const offset = integer('offset', q.offset, 0);
      const limitAsked = integer('limit', q.limit, DEFAULT_SEARCH_LIMIT);
      if (limitAsked < 1) throw invalid('limit', 'min_value', 'Ensure this value is greater than or equal to 1.');
      const limit = Math.min(MAX_SEARCH_LIMIT, limitAsked);
      const parsed = parseSearchParameters(request.body, true);
      if (parsed.errors.length) throw validation(parsed.errors);
      const { count, results } = await searchOf(service).search(request.workspace, parsed, { offset, limit });
      return reply.code(201).send({ count, ...links(request, config, '/v2/resume_search', offset, limit, count, {}), parameters: request.body, results });
    },
  );

  app.post(
    '/v2/resume_search/details/:identifier',
    {
      schema: {
        tags,
        security,
        summary: 'How one résumé meets a search, criterion by criterion',
        description: 'Body: the search’s ResumeSearchParameters. For each criterion, what the résumé holds (`value`, with `match`) and what it lacks (`missing`).',
        params: { type: 'object', properties: { identifier: { type: 'string' } } },
        response: { 200: ok('ResumeSearchDetail'), ...ERRORS, 404: error('No such document in this workspace') },
      },
    },
    async (request) => {
      const { identifier } = request.params as { identifier: string };
      const parsed = parseSearchParameters(request.body, false);
      if (parsed.errors.length) throw validation(parsed.errors);
      return searchOf(service).detail(request.workspace, identifier, parsed);
    },
  );

  app.get(
    '/v2/resume_search/match',
    {
      schema: {
        tags,
        security,
        summary: 'Score one résumé against a job’s criteria',
        description:
          'Affinda matches a résumé to a parsed job description (`job_description`); Vitae parses none and refuses it. Give the job’s criteria instead: `job_titles`, `skills`, `languages`, `soc_codes`, `highest_degree_types` (repeatable), `years_experience_min`, `years_experience_max`, `management_level`, `search_expression`, and Affinda’s `*_weight` (0–1).',
        querystring: {
          type: 'object',
          properties: {
            resume: { type: 'string' },
            job_description: { type: 'string' },
            index: { type: 'string' },
            search_expression: { type: 'string' },
            job_titles: strings,
            skills: strings,
            languages: strings,
            soc_codes: strings,
            highest_degree_types: strings,
            years_experience_min: { type: 'string' },
            years_experience_max: { type: 'string' },
            management_level: { type: 'string' },
            ...Object.fromEntries(Object.keys(MATCH_WEIGHTS).map((k) => [k, { type: 'string' }])),
          },
        },
        response: { 200: ok('{score, details}'), ...ERRORS },
      },
    },
    async (request) => {
      const q = request.query as Record<string, string | string[] | undefined>;
      const one = (name: string): string | undefined => (Array.isArray(q[name]) ? (q[name] as string[])[0] : (q[name] as string | undefined));
      const many = (name: string): string[] => ([] as string[]).concat(q[name] ?? []).filter((v) => v !== '');
      const resume = one('resume');
      if (!resume) throw invalid('resume', 'required', 'This field is required.');
      if (one('job_description')) {
        throw invalid('job_description', 'invalid', 'Vitae does not parse job descriptions. Give the job’s criteria instead: job_titles, skills, languages, soc_codes, highest_degree_types, years_experience_min/max, management_level, search_expression.');
      }
      const body: Record<string, unknown> = {};
      const errors: FieldError[] = [];
      const number = (attr: string, raw: string | undefined, integerOnly: boolean): number | undefined => {
        if (raw === undefined || raw === '') return undefined;
        const n = Number(raw);
        if (!Number.isFinite(n) || (integerOnly && !Number.isInteger(n))) {
          errors.push({ attr, code: 'invalid', detail: integerOnly ? 'A valid integer is required.' : 'A valid number is required.' });
          return undefined;
        }
        return n;
      };
      if (many('job_titles').length) body.jobTitles = many('job_titles');
      if (many('skills').length) body.skills = many('skills').map((name) => ({ name }));
      if (many('languages').length) body.languages = many('languages').map((name) => ({ name }));
      if (many('highest_degree_types').length) body.highestDegreeTypes = many('highest_degree_types');
      const soc = many('soc_codes').map((c) => number('soc_codes', c, true));
      if (soc.length) body.socCodes = soc;
      body.yearsExperienceMin = number('years_experience_min', one('years_experience_min'), true);
      body.yearsExperienceMax = number('years_experience_max', one('years_experience_max'), true);
      body.managementLevel = one('management_level') || undefined;
      body.searchExpression = one('search_expression') || undefined;
      for (const [param, field] of Object.entries(MATCH_WEIGHTS)) body[field] = number(param, one(param), false);
      const parsed = parseSearchParameters(Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)), false);
      // Report errors by the query parameter's name, not the body field it became.
      const toParam = (attr: string): string => Object.entries(MATCH_WEIGHTS).find(([, f]) => f === attr)?.[0] ?? attr.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      errors.push(...parsed.errors.map((e) => ({ ...e, attr: toParam(e.attr) })));
      if (errors.length) throw validation(errors);
      if (!Object.values(parsed.criteria).some((c) => c !== null)) {
        throw invalid('job_description', 'required', 'Give the job’s criteria (job_titles, skills, …): Vitae does not parse job descriptions.');
      }
      return searchOf(service).match(request.workspace, resume, parsed.criteria, one('index') || null);
    },
  );

  app.get(
    '/v2/resume_search/suggestion_job_title',
    {
      schema: {
        tags,
        security,
        summary: 'Job titles related to the given ones',
        description: 'From the shipped occupation taxonomy (O*NET, ESCO): other titles of the same occupation, closest first.',
        querystring: { type: 'object', properties: { job_titles: strings } },
        response: { 200: list, ...ERRORS },
      },
    },
    async (request) => suggestionsOf(request.query, 'job_titles', suggestJobTitles),
  );

  app.get(
    '/v2/resume_search/suggestion_skill',
    {
      schema: {
        tags,
        security,
        summary: 'Skills related to the given ones',
        description: 'From the shipped skill taxonomy: the canonical name, then skills whose names share a word.',
        querystring: { type: 'object', properties: { skills: strings } },
        response: { 200: list, ...ERRORS },
      },
    },
    async (request) => suggestionsOf(request.query, 'skills', suggestSkills),
  );
}

function suggestionsOf(query: unknown, param: string, suggest: (asked: string[]) => string[]): string[] {
  const asked = ([] as string[]).concat((query as Record<string, string | string[] | undefined>)[param] ?? []).map((s) => s.trim()).filter(Boolean);
  if (!asked.length) throw invalid(param, 'required', 'This field is required.');
  return suggest(asked);
}

function validation(errors: FieldError[]): ApiError {
  return new ApiError(400, 'validation_error', errors);
}

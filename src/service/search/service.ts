/**
 * Search and match over a workspace's indices: the `SearchService` the API's index and search routes call.
 * I/O lives here (index rows, memberships, projections); scoring is search/scoring.ts, shapes search/results.ts.
 *
 * A search loads its candidates in one query, projects any that joined an index before they were parsed (and
 * keeps those projections), scores them all in TypeScript, and sorts best first.
 */
import { randomBytes } from 'node:crypto';
import type { ResumeData } from '../../affinda/types.ts';
import { ServiceError, type Workspace } from '../contract.ts';
import type { Db } from '../store/db.ts';
import { isUniqueViolation } from '../store/db.ts';
import { findDocument } from '../store/documents.ts';
import { ExpressionError } from './expression.ts';
import { DEFAULT_DISTANCE, hasCriteria, type SearchCriteria } from './params.ts';
import { projectResume, searchText, type SearchProjection } from './projection.ts';
import { matchResult, searchDetail, searchResult, type ResumeSearchDetail, type ResumeSearchResult, type ScoreComponent } from './results.ts';
import { prepareCriteria, scoreResume, type CriterionName, type PreparedCriteria, type ResumeScore } from './scoring.ts';
import * as store from './store.ts';

/** Affinda's `Index`. */
export interface SearchIndex {
  name: string;
  documentType: 'resumes';
}

export interface SearchQuery {
  indices: string[];
  /** Find résumés like this one: its titles, skills, languages, occupation, level and place fill the criteria not given. */
  resume: string | null;
  criteria: SearchCriteria;
}

export interface SearchService {
  listIndices(workspace: Workspace, q: { offset: number; limit: number; documentType?: string; name?: string }): Promise<{ count: number; results: SearchIndex[] }>;
  createIndex(workspace: Workspace, name: string): Promise<SearchIndex>;
  renameIndex(workspace: Workspace, name: string, newName: string): Promise<SearchIndex>;
  deleteIndex(workspace: Workspace, name: string): Promise<void>;
  listIndexDocuments(workspace: Workspace, name: string, page: { offset: number; limit: number }): Promise<{ count: number; results: { document: string }[] }>;
  addIndexDocument(workspace: Workspace, name: string, identifier: string): Promise<{ document: string }>;
  removeIndexDocument(workspace: Workspace, name: string, identifier: string): Promise<void>;
  search(workspace: Workspace, query: SearchQuery, page: { offset: number; limit: number }): Promise<{ count: number; results: ResumeSearchResult[] }>;
  detail(workspace: Workspace, identifier: string, query: SearchQuery): Promise<ResumeSearchDetail>;
  match(workspace: Workspace, identifier: string, criteria: SearchCriteria, index: string | null): Promise<{ score: number; details: Record<CriterionName, ScoreComponent> }>;
  /** Keeps an indexed résumé's projection in step with its data (after a PATCH). */
  refresh(identifier: string, data: ResumeData | null): Promise<void>;
}

/** Index names go in URL paths: no slashes, no surrounding spaces, and a length a person types. */
const INDEX_NAME = /^[^/\s](?:[^/]{0,98}[^/\s])?$/;

/** Projections kept parsed in memory: about 3 kB each (and the text, 2–10 kB, once an expression read it). */
const CACHE_ENTRIES = 50_000;

export class SqlSearchService implements SearchService {
  readonly #db: Db;
  readonly #cache: ProjectionCache;

  constructor(db: Db, cacheEntries = CACHE_ENTRIES) {
    this.#db = db;
    this.#cache = new ProjectionCache(cacheEntries);
  }

  get #k() {
    return this.#db.kysely;
  }

  async listIndices(workspace: Workspace, q: { offset: number; limit: number; documentType?: string; name?: string }) {
    const { count, rows } = await store.listIndices(this.#k, workspace.id, q);
    return { count, results: rows.map(indexOf) };
  }

  async createIndex(workspace: Workspace, name: string): Promise<SearchIndex> {
    checkName(name);
    const row = { id: randomBytes(9).toString('base64url'), workspace_id: workspace.id, name, document_type: 'resumes', created_dt: new Date().toISOString() };
    try {
      await store.insertIndex(this.#k, row);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ServiceError('identifier_taken', `An index named "${name}" already exists.`, { attr: 'name' });
      throw err;
    }
    return indexOf(row);
  }

  async renameIndex(workspace: Workspace, name: string, newName: string): Promise<SearchIndex> {
    const index = await this.#index(workspace, name);
    checkName(newName);
    try {
      await store.renameIndex(this.#k, index.id, newName);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ServiceError('identifier_taken', `An index named "${newName}" already exists.`, { attr: 'name' });
      throw err;
    }
    return indexOf({ ...index, name: newName });
  }

  async deleteIndex(workspace: Workspace, name: string): Promise<void> {
    await store.deleteIndex(this.#k, (await this.#index(workspace, name)).id);
  }

  async listIndexDocuments(workspace: Workspace, name: string, page: { offset: number; limit: number }) {
    const index = await this.#index(workspace, name);
    const { count, documents } = await store.listIndexDocuments(this.#k, index.id, page);
    return { count, results: documents.map((document) => ({ document })) };
  }

  async addIndexDocument(workspace: Workspace, name: string, identifier: string): Promise<{ document: string }> {
    const index = await this.#index(workspace, name);
    // Another workspace's document is as unknown here as one that never existed.
    const row = await findDocument(this.#k, workspace.id, identifier);
    if (!row) throw new ServiceError('invalid', `Invalid pk "${identifier}" - object does not exist.`, { attr: 'document' });
    if (await store.isMember(this.#k, index.id, identifier)) throw new ServiceError('identifier_taken', `Document ${identifier} is already in index "${name}".`, { attr: 'document' });
    // A document still parsing joins now and is projected by the first search after it is ready.
    if (row.data) await store.writeProjection(this.#k, identifier, JSON.parse(row.data) as ResumeData);
    try {
      await store.addMember(this.#k, index.id, identifier);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ServiceError('identifier_taken', `Document ${identifier} is already in index "${name}".`, { attr: 'document' });
      throw err;
    }
    return { document: identifier };
  }

  async removeIndexDocument(workspace: Workspace, name: string, identifier: string): Promise<void> {
    const index = await this.#index(workspace, name);
    if (!(await store.removeMember(this.#k, index.id, identifier))) throw new ServiceError('not_found', `Document ${identifier} is not in index "${name}".`);
  }

  async search(workspace: Workspace, query: SearchQuery, page: { offset: number; limit: number }) {
    const rows = await store.findIndices(this.#k, workspace.id, query.indices);
    const unknown = query.indices.filter((n) => !rows.some((r) => r.name === n));
    if (unknown.length) throw new ServiceError('invalid', `No index named ${unknown.map((n) => `"${n}"`).join(', ')} in this workspace.`, { attr: 'indices' });

    let criteria = query.criteria;
    if (query.resume) criteria = likeResume(criteria, await this.#projectionOf(workspace, query.resume, 'resume'));
    const prepared = prepare(criteria);
    const now = new Date();
    const members = await store.loadCandidates(this.#k, workspace.id, rows.map((r) => r.id), sqlFilter(prepared), now.toISOString());
    const candidates = await this.#projections(members, criteria.searchExpression != null);

    const anyCriteria = hasCriteria(criteria);
    const hits: { identifier: string; projection: SearchProjection; scored: ResumeScore }[] = [];
    for (const [identifier, { projection, text }] of candidates) {
      if (identifier === query.resume) continue;
      const scored = scoreResume(prepared, projection, text, now);
      if (!scored.passes || (anyCriteria && scored.score <= 0)) continue;
      hits.push({ identifier, projection, scored });
    }
    hits.sort((a, b) => b.scored.score - a.scored.score || (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));
    // Only the page asked for is shaped into results.
    const results = hits.slice(page.offset, page.offset + page.limit).map((h) => searchResult(h.identifier, h.projection, h.scored));
    return { count: hits.length, results };
  }

  async detail(workspace: Workspace, identifier: string, query: SearchQuery): Promise<ResumeSearchDetail> {
    const data = await this.#data(workspace, identifier, null);
    let criteria = query.criteria;
    if (query.resume) criteria = likeResume(criteria, await this.#projectionOf(workspace, query.resume, 'resume'));
    const prepared = prepare(criteria);
    const projection = projectResume(data);
    const text = searchText(data);
    const now = new Date();
    return searchDetail(data, projection, text, prepared, scoreResume(prepared, projection, text, now), now);
  }

  async match(workspace: Workspace, identifier: string, criteria: SearchCriteria, index: string | null) {
    if (index !== null) {
      const row = await store.findIndex(this.#k, workspace.id, index);
      if (!row) throw new ServiceError('invalid', `No index named "${index}" in this workspace.`, { attr: 'index' });
      if (!(await store.isMember(this.#k, row.id, identifier))) throw new ServiceError('invalid', `Document ${identifier} is not in index "${index}".`, { attr: 'resume' });
    }
    const data = await this.#data(workspace, identifier, 'resume');
    const prepared = prepare(criteria);
    const projection = projectResume(data);
    return matchResult(projection, scoreResume(prepared, projection, searchText(data), new Date()));
  }

  async refresh(identifier: string, data: ResumeData | null): Promise<void> {
    await store.refreshProjection(this.#k, identifier, data);
  }

  async #index(workspace: Workspace, name: string) {
    const index = await store.findIndex(this.#k, workspace.id, name);
    if (!index) throw new ServiceError('not_found', `No index named "${name}".`);
    return index;
  }

  /** A parsed document's data: 404 when unknown (as a path parameter), 400 on `attr` when named in the request. */
  async #data(workspace: Workspace, identifier: string, attr: string | null): Promise<ResumeData> {
    const row = await findDocument(this.#k, workspace.id, identifier);
    if (!row && attr === null) throw new ServiceError('not_found', `No document with identifier ${identifier}.`);
    if (!row) throw new ServiceError('invalid', `Invalid pk "${identifier}" - object does not exist.`, { attr: attr ?? undefined });
    if (!row.data) throw new ServiceError('invalid', `Document ${identifier} has no parsed data (${row.status}).`, { attr: attr ?? 'identifier' });
    return JSON.parse(row.data) as ResumeData;
  }

  async #projectionOf(workspace: Workspace, identifier: string, attr: string): Promise<SearchProjection> {
    return projectResume(await this.#data(workspace, identifier, attr));
  }

  /**
   * The projections of a search's candidates: from the cache when their stamp is current, else read (one query per
   * thousand), and for documents indexed before they were parsed (or projected by an older version) made now from
   * their data and kept. `withText` also makes sure each has its folded text.
   */
  async #projections(members: store.CandidateStamp[], withText: boolean): Promise<Map<string, store.StoredProjection>> {
    const out = new Map<string, store.StoredProjection>();
    const misses: string[] = [];
    const textless: string[] = [];
    const unprojected: string[] = [];
    for (const { identifier, stamp } of members) {
      if (!stamp) {
        unprojected.push(identifier);
        continue;
      }
      const cached = this.#cache.get(identifier, stamp);
      if (!cached) misses.push(identifier);
      else {
        out.set(identifier, cached);
        if (withText && cached.text === null) textless.push(identifier);
      }
    }
    if (misses.length) {
      for (const [identifier, entry] of await store.loadProjections(this.#k, misses, withText)) {
        this.#cache.set(identifier, entry);
        out.set(identifier, entry);
      }
    }
    if (textless.length) {
      for (const [identifier, text] of await store.loadTexts(this.#k, textless)) out.get(identifier)!.text = text;
    }
    if (unprojected.length) {
      const data = await store.documentData(this.#k, unprojected);
      for (const identifier of unprojected) {
        const d = data.get(identifier);
        if (!d) continue; // still parsing, or failed
        const entry = await store.writeProjection(this.#k, identifier, d);
        this.#cache.set(identifier, entry);
        out.set(identifier, entry);
      }
    }
    return out;
  }
}

/**
 * Parsed projections by document, each with the stamp (version and write time) it was read at: a search reads only
 * the stamps and parses again only what changed since. Bounded; the oldest entries go first.
 */
export class ProjectionCache {
  readonly #entries = new Map<string, store.StoredProjection>();
  readonly #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  get(identifier: string, stamp: string): store.StoredProjection | undefined {
    const entry = this.#entries.get(identifier);
    return entry?.stamp === stamp ? entry : undefined;
  }

  set(identifier: string, entry: store.StoredProjection): void {
    this.#entries.delete(identifier);
    if (this.#entries.size >= this.#max) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(identifier, entry);
  }
}

function indexOf(row: { name: string }): SearchIndex {
  return { name: row.name, documentType: 'resumes' };
}

function checkName(name: string): void {
  if (!INDEX_NAME.test(name)) throw new ServiceError('invalid', 'An index name is 1–100 characters, without "/" or surrounding spaces.', { attr: 'name' });
}

function prepare(criteria: SearchCriteria): PreparedCriteria {
  try {
    return prepareCriteria(criteria);
  } catch (err) {
    if (err instanceof ExpressionError) throw new ServiceError('invalid', err.message, { attr: 'searchExpression' });
    throw err;
  }
}

/** What SQL can rule out before scoring: required years, and required places with coordinates (as boxes). */
function sqlFilter(p: PreparedCriteria): store.CandidateFilter {
  const filter: store.CandidateFilter = {};
  const years = p.criteria.yearsExperience;
  if (years?.required) filter.years = { min: years.min, max: years.max };
  if (p.criteria.locations?.required && p.places.every((place) => place.point)) {
    filter.boxes = p.places.map((place) => box(place.point!, place.radiusKm));
  }
  return filter;
}

/** A latitude/longitude box holding every point within `km` of `centre` (with a margin). */
export function box(centre: { latitude: number; longitude: number }, km: number) {
  const dLat = (km * 1.01) / 111.2;
  const cos = Math.cos((centre.latitude * Math.PI) / 180);
  const nearPole = Math.abs(centre.latitude) + dLat >= 89;
  const dLon = nearPole || cos < 1e-6 ? 180 : Math.min(180, dLat / cos);
  // A box across the antimeridian is the whole band of longitudes: rare, and still correct.
  const wraps = centre.longitude - dLon < -180 || centre.longitude + dLon > 180;
  return {
    minLat: centre.latitude - dLat,
    maxLat: centre.latitude + dLat,
    minLon: wraps ? -180 : centre.longitude - dLon,
    maxLon: wraps ? 180 : centre.longitude + dLon,
  };
}

/** Criteria from a résumé (`resume` in the search parameters), filling only those the request left out. */
export function likeResume(criteria: SearchCriteria, r: SearchProjection): SearchCriteria {
  const out = { ...criteria };
  const plain = { weight: 0.5, required: false };
  const current = r.jobs.filter((j) => j.current).map((j) => j.title);
  if (!out.jobTitles && current.length) out.jobTitles = { titles: current.slice(0, 3), currentOnly: false, ...plain };
  if (!out.skills && r.skills.length) out.skills = { skills: r.skills.slice(0, 15).map((s) => ({ name: s.name, required: false })), ...plain };
  if (!out.languages && r.languages.length) out.languages = { languages: r.languages.map((l) => ({ name: l.name, required: false })), ...plain };
  const units = r.jobs.filter((j) => j.current && j.soc != null).map((j) => j.soc!);
  if (!out.socCodes && units.length) out.socCodes = { codes: units, ...plain };
  if (!out.managementLevel && r.managementLevel) out.managementLevel = { level: r.managementLevel, ...plain };
  const loc = r.location;
  if (!out.locations && loc?.latitude != null && loc.longitude != null) {
    out.locations = {
      places: [{ asked: { name: loc.formatted ?? '', coordinates: { latitude: loc.latitude, longitude: loc.longitude }, distance: DEFAULT_DISTANCE, unit: 'km' }, name: loc.formatted ?? '', latitude: loc.latitude, longitude: loc.longitude, radiusKm: DEFAULT_DISTANCE }],
      ...plain,
    };
  }
  if (!out.yearsExperience && r.years != null) out.yearsExperience = { min: Math.max(0, Math.floor(r.years) - 2), max: Math.ceil(r.years) + 2, ...plain };
  return out;
}

/**
 * `npm run bench:search`: how long `POST /v2/resume_search` takes over 10,000 indexed résumés, through a real
 * HTTP server (Fastify listening on a port), on SQLite and on PostgreSQL.
 *
 * The résumés are real parses varied: a few dev-corpus documents (../shared/corpus/dev) are parsed once by the
 * pipeline, then each of the 10,000 takes one of them as its base and gets a new name, current and past job
 * titles (coded by the occupation taxonomy, as the parser codes them), skills from the skill taxonomy, a city
 * (geocoded from GeoNames), years of experience, languages and a degree — seeded, so every run builds the same
 * set. They are written through the store (documents) and the search service's own code (projections, index
 * membership), so the search reads what a real deployment would.
 *
 *   npm run bench:search [-- --count 10000 --runs 25 --backends sqlite,postgres]
 */
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseResume } from '../src/index.ts';
import { LOCAL_POSTGRES, scratchDatabase } from '../test/fixtures/scratch-database.ts';
import type { ResumeData, WorkExperience } from '../src/affinda/types.ts';
import { buildApp } from '../src/service/api/app.ts';
import { createDocumentService, loadConfig } from '../src/service/index.ts';
import { openDatabase } from '../src/service/store/db.ts';
import { createKey, ensureWorkspace } from '../src/service/store/keys.ts';
import { insertDocument, type DocumentRow } from '../src/service/store/documents.ts';
import { addMember, findIndex, projectionRow } from '../src/service/search/store.ts';
import { occupationOf } from '../src/knowledge/occupations.ts';
import { managementLevel } from '../src/knowledge/management-level.ts';
import { socClassification } from '../src/knowledge/soc.ts';
import { townsByName, countryByCode } from '../src/knowledge/geo.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const COUNT = Number(arg('count', '10000'));
const RUNS = Number(arg('runs', '25'));
const BACKENDS = arg('backends', 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const PG_ADMIN = process.env.VITAE_TEST_PG ?? LOCAL_POSTGRES;
const CORPUS = new URL('../../shared/corpus/dev/', import.meta.url);
const BASES = 8;

/** mulberry32: a small seeded generator, so the data set is the same every run. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261129);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const sample = <T>(xs: readonly T[], n: number): T[] => {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return out;
};

const FIRST = ['Avery', 'Jordan', 'Priya', 'Marcus', 'Hannah', 'Elena', 'Kai', 'Sam', 'Noah', 'Mia', 'Lucas', 'Aisha', 'Wei', 'Sofia', 'Diego', 'Fatima', 'Liam', 'Chloe', 'Arjun', 'Yuki', 'Omar', 'Grace', 'Mateo', 'Zara'];
const LAST = ['Lindqvist', 'Raman', 'Bell', 'Doyle', 'Sorensen', 'Brandt', 'Ortega', 'Nguyen', 'Okafor', 'Schmidt', 'Rossi', 'Kowalski', 'Tanaka', 'Haddad', 'Murphy', 'Silva', 'Cohen', 'Patel', 'Fischer', 'Moreau'];
/** Titles across occupations and management levels; each gets its occupation from the taxonomy. */
const TITLES = [
  'Software Engineer', 'Senior Software Engineer', 'Data Scientist', 'Data Analyst', 'Product Manager', 'Project Manager', 'Registered Nurse',
  'Accountant', 'Marketing Manager', 'Sales Representative', 'Mechanical Engineer', 'Civil Engineer', 'Teacher', 'Human Resources Manager',
  'Financial Analyst', 'Graphic Designer', 'Operations Manager', 'Customer Service Representative', 'Business Analyst', 'DevOps Engineer',
  'Web Developer', 'Pharmacist', 'Electrician', 'Chef', 'Lawyer', 'Paralegal', 'Administrative Assistant', 'Office Manager',
  'Director of Engineering', 'Vice President of Sales', 'Chief Financial Officer', 'Team Lead', 'Warehouse Supervisor', 'Store Manager',
  'Truck Driver', 'Physician Assistant', 'Architect', 'UX Designer', 'QA Engineer', 'Network Administrator', 'Systems Administrator',
  'Recruiter', 'Content Writer', 'Account Manager', 'Management Consultant', 'Research Scientist', 'Laboratory Technician',
  'Physical Therapist', 'Social Worker', 'Marketing Director', 'Engineering Manager', 'Machine Learning Engineer', 'Frontend Developer',
];
const CITIES = [
  ['Portland', 'US'], ['Seattle', 'US'], ['San Francisco', 'US'], ['Los Angeles', 'US'], ['Chicago', 'US'], ['New York City', 'US'], ['Boston', 'US'],
  ['Austin', 'US'], ['Denver', 'US'], ['Atlanta', 'US'], ['Miami', 'US'], ['Toronto', 'CA'], ['Vancouver', 'CA'], ['Montreal', 'CA'],
  ['London', 'GB'], ['Manchester', 'GB'], ['Edinburgh', 'GB'], ['Dublin', 'IE'], ['Berlin', 'DE'], ['Munich', 'DE'], ['Paris', 'FR'],
  ['Amsterdam', 'NL'], ['Madrid', 'ES'], ['Milan', 'IT'], ['Stockholm', 'SE'], ['Sydney', 'AU'], ['Melbourne', 'AU'], ['Brisbane', 'AU'],
  ['Auckland', 'NZ'], ['Singapore', 'SG'], ['Bengaluru', 'IN'], ['Mumbai', 'IN'], ['Tokyo', 'JP'], ['Cape Town', 'ZA'], ['Sao Paulo', 'BR'],
] as const;
const LANGUAGES = [['English', 'en'], ['Spanish', 'es'], ['French', 'fr'], ['German', 'de'], ['Mandarin', 'zh'], ['Hindi', 'hi'], ['Portuguese', 'pt'], ['Italian', 'it'], ['Japanese', 'ja'], ['Arabic', 'ar']] as const;
const DEGREES = [
  ['High School Diploma', 'school', 0.08], ['Certificate IV in Business', 'certificate', 0.1], ['Bachelor of Science in Computer Science', 'bachelors', 0.3],
  ['Bachelor of Arts in Economics', 'bachelors', 0.2], ['Master of Business Administration', 'masters', 0.12], ['Master of Science in Statistics', 'masters', 0.12],
  ['PhD in Physics', 'doctoral', 0.08],
] as const;

async function parsedBases(): Promise<ResumeData[]> {
  const names = (await readdir(CORPUS)).filter((f) => /\.(pdf|docx|txt)$/.test(f)).sort();
  // Spread over the corpus, so bases come from different layouts and formats.
  const chosen = Array.from({ length: BASES }, (_, i) => names[Math.floor((i * names.length) / BASES)]!);
  const out: ResumeData[] = [];
  for (const name of chosen) {
    const resume = await parseResume(await readFile(new URL(name, CORPUS)), { fileName: name, language: 'en' });
    if (resume.data) out.push(resume.data);
  }
  return out;
}

function job(title: string, start: Date, end: Date | null, organization: string, id: number): WorkExperience {
  const occupation = occupationOf(title);
  const classification = occupation?.soc ? socClassification(occupation.soc) : null;
  const months = Math.max(1, Math.round(((end ?? new Date()).getTime() - start.getTime()) / (30.44 * 86_400_000)));
  return {
    id,
    jobTitle: title,
    socCode: classification ? String(classification.socCode) : null,
    socName: classification?.title ?? null,
    organization,
    industry: null,
    location: null,
    jobDescription: `Worked as ${title} at ${organization}.`,
    dates: { startDate: start.toISOString().slice(0, 10), endDate: end ? end.toISOString().slice(0, 10) : null, monthsInPosition: months, isCurrent: end === null, rawText: '' },
    occupation: { jobTitle: title, jobTitleNormalized: occupation?.normalized ?? null, emsiId: occupation?.occupationId ?? null, managementLevel: managementLevel(title), classification },
  };
}

function vary(base: ResumeData, i: number, skillPool: string[]): ResumeData {
  const first = pick(FIRST);
  const last = pick(LAST);
  const years = Math.round(random() * 300) / 10;
  const now = Date.now();
  const yearMs = 365.25 * 86_400_000;
  const jobs: WorkExperience[] = [];
  const count = 1 + Math.floor(random() * 3);
  let end: Date | null = null;
  let start = new Date(now - (years / count) * yearMs);
  for (let j = 0; j < count; j++) {
    jobs.push(job(pick(TITLES), start, end, `${pick(LAST)} ${pick(['Group', 'Labs', 'Systems', 'Health', 'Partners'])}`, j + 1));
    end = new Date(start.getTime() - 30 * 86_400_000);
    start = new Date(end.getTime() - (years / count) * yearMs);
  }
  const [city, country] = pick(CITIES);
  const town = townsByName(city).find((t) => t.country === country) ?? null;
  const skills = sample(skillPool, 5 + Math.floor(random() * 12));
  const languages = [LANGUAGES[0], ...sample(LANGUAGES.slice(1), Math.floor(random() * 3))];
  let r = random();
  const degree = DEGREES.find(([, , p]) => (r -= p) < 0) ?? DEGREES[2];
  const name = `${first} ${last}`;
  const rawText = [name, `${city}, ${countryByCode(country)?.name ?? country}`, ...jobs.map((w) => `${w.jobTitle} — ${w.organization}\n${w.jobDescription}`), degree[0], skills.join(', '), base.rawText].join('\n');
  return {
    ...base,
    name: { raw: name, first, last, middle: '', title: '' },
    emails: [`${first}.${last}.${i}@example.com`.toLowerCase()],
    location: { formatted: `${city}, ${countryByCode(country)?.name ?? country}`, postalCode: null, state: null, stateCode: town?.admin ?? null, country: countryByCode(country)?.name ?? null, countryCode: country, rawInput: city, streetNumber: null, street: null, apartmentNumber: null, city, latitude: town?.latitude ?? null, longitude: town?.longitude ?? null, poBox: null },
    totalYearsExperience: years,
    workExperience: jobs,
    profession: jobs[0]?.occupation?.jobTitleNormalized ?? jobs[0]?.jobTitle ?? null,
    skills: skills.map((s, k) => ({ id: k + 1, emsiId: null, name: s, lastUsed: null, numberOfMonths: null, type: 'hard_skill', count: 1, weighting: null, sources: [] })),
    languages: languages.map(([n]) => n),
    languageCodes: languages.map(([, c]) => c),
    education: [{ id: 1, organization: `University of ${city}`, accreditation: { education: degree[0], inputStr: degree[0], matchStr: degree[0], educationLevel: degree[1] }, grade: null, location: null, dates: { completionDate: new Date(now - (years + 1) * yearMs).toISOString().slice(0, 10), isCurrent: false, startDate: null, rawText: '' } }],
    rawText,
    redactedText: '',
  };
}

/** Writes the résumés as documents of the workspace, each projected and added to the index, 500 per transaction. */
async function fill(databaseUrl: string, resumes: ResumeData[]): Promise<void> {
  const db = await openDatabase(databaseUrl);
  try {
    const workspace = await ensureWorkspace(db.kysely, 'bench');
    const index = await findIndex(db.kysely, workspace.id, 'bench');
    if (!index) throw new Error('index not created');
    const now = new Date().toISOString();
    for (let i = 0; i < resumes.length; i += 500) {
      await db.kysely.transaction().execute(async (trx) => {
        const chunk = resumes.slice(i, i + 500);
        const rows: DocumentRow[] = chunk.map((data, k) => ({
          identifier: `bench${String(i + k).padStart(6, '0')}`, workspace_id: workspace.id, custom_identifier: null, file_name: null, source_url: null, sha256: null, size: null,
          status: 'ready', created_dt: now, ready_dt: now, expiry_time: null, language: 'en', region_bias: null, low_priority: 0, reject_duplicates: 0,
          data: JSON.stringify(data), error_code: null, error_detail: null, pages: '[]', is_ocrd: 0, ocr_confidence: null, is_verified: 0, attempts: 0,
          parent_document: null, child_documents: '[]',
        }) as DocumentRow);
        for (const row of rows) await insertDocument(trx, row);
        // The same rows the service writes when a document joins an index (search/store.ts).
        await trx.insertInto('search_projections').values(rows.map((row, k) => projectionRow(row.identifier, chunk[k]!))).execute();
        for (const row of rows) await addMember(trx, index.id, row.identifier);
      });
    }
  } finally {
    await db.kysely.destroy();
  }
}

const MIXES: { name: string; params: Record<string, unknown> }[] = [
  { name: 'job title', params: { jobTitles: ['Software Engineer'] } },
  { name: 'skills (1 required of 3)', params: { skills: [{ name: 'Python', required: true }, { name: 'SQL' }, { name: 'Project Management' }] } },
  { name: 'location 100 km + years 5-10', params: { locations: [{ name: 'Chicago, IL', distance: 100 }], yearsExperienceMin: 5, yearsExperienceMax: 10 } },
  { name: 'required years + location (SQL-filtered)', params: { locations: [{ name: 'London, United Kingdom', distance: 50 }], locationsRequired: true, yearsExperienceMin: 3, yearsExperienceRequired: true } },
  { name: 'search expression', params: { searchExpression: 'python AND (aws OR azure) -php' } },
  {
    name: 'all criteria',
    params: {
      jobTitles: ['Data Scientist', 'Data Analyst'], skills: [{ name: 'Python' }, { name: 'SQL' }, { name: 'Tableau' }], yearsExperienceMin: 3, yearsExperienceMax: 12,
      locations: [{ name: 'Seattle, WA', distance: 300, unit: 'mi' }], languages: [{ name: 'Spanish' }], highestDegreeTypes: ['masters', 'doctoral'],
      socCodes: [2], managementLevel: 'None', searchExpression: 'statistics OR analytics',
    },
  },
];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function benchBackend(backend: 'sqlite' | 'postgres', resumes: ResumeData[]): Promise<Map<string, { median: number; p95: number; count: number }>> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vitae-bench-search-'));
  let databaseUrl = `sqlite:${path.join(dataDir, 'vitae.db')}`;
  let drop = async () => {};
  if (backend === 'postgres') {
    const database = await scratchDatabase('vitae_bench', PG_ADMIN);
    databaseUrl = database.url;
    drop = database.drop;
  }
  const results = new Map<string, { median: number; p95: number; count: number }>();
  try {
    const config = loadConfig({ dataDir, databaseUrl, workers: 0 }, {});
    const service = await createDocumentService(config, { runWorkers: false });
    const app = buildApp(service, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const keys = await openDatabase(databaseUrl);
      const key = await createKey(keys.kysely, 'bench');
      await keys.kysely.destroy();
      const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
      const created = await fetch(`${base}/v2/index`, { method: 'POST', headers, body: JSON.stringify({ name: 'bench' }) });
      if (created.status !== 201) throw new Error(`create index: ${created.status}`);
      const t0 = performance.now();
      await fill(databaseUrl, resumes);
      const listed = (await (await fetch(`${base}/v2/index/bench/documents?limit=1`, { headers })).json()) as { count: number };
      console.error(`${backend}: ${listed.count} résumés indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      for (const mix of MIXES) {
        const body = JSON.stringify({ indices: ['bench'], ...mix.params });
        const times: number[] = [];
        let count = 0;
        for (let run = -2; run < RUNS; run++) {
          const start = performance.now();
          const res = await fetch(`${base}/v2/resume_search?limit=20`, { method: 'POST', headers, body });
          const answer = (await res.json()) as { count: number };
          const ms = performance.now() - start;
          if (res.status !== 201) throw new Error(`${mix.name}: ${res.status} ${JSON.stringify(answer)}`);
          count = answer.count;
          if (run >= 0) times.push(ms); // two warm-up runs: first use loads the taxonomies and geonames
        }
        times.sort((a, b) => a - b);
        results.set(mix.name, { median: quantile(times, 0.5), p95: quantile(times, 0.95), count });
      }
    } finally {
      await app.close();
      await service.close();
    }
  } finally {
    await drop();
    await rm(dataDir, { recursive: true, force: true });
  }
  return results;
}


const bases = await parsedBases();
const skillPool = [...new Set([...bases.flatMap((b) => b.skills.map((s) => s.name)), 'Python', 'SQL', 'AWS', 'Azure', 'Tableau', 'Excel', 'Project Management', 'Java', 'PHP', 'Docker'])];
const resumes = Array.from({ length: COUNT }, (_, i) => vary(bases[i % bases.length]!, i, skillPool));
console.error(`${bases.length} dev-corpus résumés parsed as bases; ${resumes.length} varied (${skillPool.length} skills, ${TITLES.length} titles, ${CITIES.length} cities)`);

const byBackend = new Map<string, Map<string, { median: number; p95: number; count: number }>>();
for (const backend of BACKENDS) byBackend.set(backend, await benchBackend(backend, resumes));

const head = ['criteria', 'matches', ...BACKENDS.flatMap((b) => [`${b} median`, `${b} p95`])];
const rows = MIXES.map((mix) => {
  const any = [...byBackend.values()][0]!.get(mix.name)!;
  return [mix.name, String(any.count), ...BACKENDS.flatMap((b) => [`${byBackend.get(b)!.get(mix.name)!.median.toFixed(0)} ms`, `${byBackend.get(b)!.get(mix.name)!.p95.toFixed(0)} ms`])];
});
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
console.log(`POST /v2/resume_search over ${COUNT} résumés, limit=20, ${RUNS} runs each (after 2 warm-up runs), real HTTP server`);
console.log(`| ${head.map((h, i) => h.padEnd(widths[i]!)).join(' | ')} |`);
console.log(`|${widths.map((w, i) => (i ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`);
for (const r of rows) console.log(`| ${r.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`);

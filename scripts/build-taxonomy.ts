/**
 * Builds the occupation and skill taxonomies in data/ from the open datasets in ../shared/datasets and the
 * hand-made tables in scripts/taxonomy/. Deterministic: the same inputs give byte-identical files.
 *
 *   node --import tsx scripts/build-taxonomy.ts [--datasets DIR]      (npm run build:taxonomy)
 *
 * data/soc2010.json — the UK SOC 2010 structure (ONS): [code, title, parent code or 0] for its 9 major,
 *   25 sub-major, 90 minor and 369 unit groups.
 * data/job-titles.json — printed job titles → UK SOC 2010 unit group. Titles are O*NET 27.0's occupation,
 *   alternate and reported titles and ESCO v1.0's occupation labels; O*NET occupations reach SOC 2010
 *   through scripts/taxonomy/onet-soc2010.tsv, ESCO occupations through the O*NET occupations their labels
 *   name or else their ISCO-08 group (scripts/taxonomy/isco08-soc2010.tsv). Titles that reduce to the same
 *   key (knowledge/job-titles.ts) vote; a key whose votes split is kept without a code.
 * data/skills.json — O*NET 27.0 Technology Skills products, ESCO v1.0 transversal skills and Vitae's list
 *   (scripts/taxonomy/skills.tsv), with the names each is printed under.
 *
 * Licences and attribution: data/LICENSES.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readCsvRecords, readTsv } from './dataset-files.ts';
import { abbreviated, capitalised, titleKey, titleWords } from '../src/knowledge/job-titles.ts';
import type { TitleData, TitleRow } from '../src/knowledge/occupations.ts';
import { AMBIGUOUS, LIST_ONLY, PROSE, skillKey, type AliasMode, type SkillData } from '../src/knowledge/skill-taxonomy.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { datasets: { type: 'string', default: path.resolve(root, '../shared/datasets') } } });
const datasets = values.datasets!;
const onetDir = path.join(datasets, 'onet-27.0');
const escoDir = path.join(datasets, 'esco-v1.0-en');
const tables = path.join(root, 'scripts', 'taxonomy');

/** A hand-made table: tab-separated, `#` comment lines, a header line. */
function readTable(name: string): string[][] {
  return fs
    .readFileSync(path.join(tables, name), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .slice(1)
    .map((l) => l.split('\t'));
}

function writeJson(name: string, value: unknown): number {
  const text = JSON.stringify(value) + '\n';
  fs.writeFileSync(path.join(root, 'data', name), text);
  return Buffer.byteLength(text);
}

/** Code-point order: the same on every machine, whatever its locale. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byCount = <K>(counts: Map<K, number>): [K, number][] =>
  [...counts].sort((a, b) => b[1] - a[1] || compare(String(a[0]), String(b[0])));

// ---------------------------------------------------------------------------------------------
// UK SOC 2010

const socRows = readCsvRecords(path.join(datasets, 'uk-soc2010', 'soc2010_structure.csv'));
const socTitle = new Map(socRows.map((r) => [Number(r.code), r.title!.replace(/\s+/g, ' ')]));
const units = new Set(socRows.filter((r) => r.level === 'unit').map((r) => Number(r.code)));
const socSize = writeJson('soc2010.json', socRows.map((r) => [Number(r.code), socTitle.get(Number(r.code)), r.parent_code ? Number(r.parent_code) : 0]));

function crosswalk(name: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const [code, soc] of readTable(name)) {
    if (!units.has(Number(soc))) throw new Error(`${name}: ${code} → ${soc} is not a SOC 2010 unit group`);
    map.set(code!, Number(soc));
  }
  return map;
}
const onetSoc = crosswalk('onet-soc2010.tsv');
const iscoSoc = crosswalk('isco08-soc2010.tsv');

// ---------------------------------------------------------------------------------------------
// Job titles

interface TitleUse {
  title: string;
  occupation: string;
  soc: number;
  /** How much the title speaks for its occupation's code. */
  weight: number;
  /** Which printed form to show for a key, lowest first: titles people report, then listed synonyms. */
  rank: number;
}

/** "Software Developers" → "Software Developer"; occupation titles that list several ("… and …") are skipped. */
function singular(title: string): string | null {
  if (/,| and |\//.test(title)) return null;
  return title.replace(/ies$/, 'y').replace(/(ch|sh|x)es$/, '$1').replace(/([^s])s$/, '$1');
}

/** ESCO labels are lower case: "kitchen porter" → "Kitchen Porter" (acronyms and "de" kept). */
function titleCase(label: string): string {
  return label.replace(/\S+/g, (w, i: number) => (i > 0 && /^(and|of|the|in|for|to|a|an|de|du|la|le|on|with|at|by|or)$/.test(w) ? w : w[0]!.toUpperCase() + w.slice(1)));
}

const uses: TitleUse[] = [];
const onetTitles = new Map<string, Set<string>>();
const use = (title: string, occupation: string, soc: number, weight: number, rank: number): void => {
  uses.push({ title: title.trim(), occupation, soc, weight, rank });
};
const onetCode = (code: string): number => {
  const soc = onetSoc.get(code);
  if (soc == null) throw new Error(`onet-soc2010.tsv has no row for ${code}`);
  return soc;
};
for (const [code, title] of readTsv(path.join(onetDir, 'Occupation Data.txt'))) {
  const one = singular(title!);
  if (one) use(one, code!, onetCode(code!), 3, 3);
}
for (const [code, title] of readTsv(path.join(onetDir, 'Sample of Reported Titles.txt'))) use(title!, code!, onetCode(code!), 2, 0);
for (const [code, title] of readTsv(path.join(onetDir, 'Alternate Titles.txt'))) use(title!, code!, onetCode(code!), 1, 1);
for (const u of uses) {
  const key = titleKey(titleWords(u.title));
  onetTitles.set(key, (onetTitles.get(key) ?? new Set()).add(u.occupation));
}

/**
 * An ESCO occupation's code: that of the O*NET occupations its labels name, when at least three label
 * votes (the preferred label counting three) agree on one code with a clear majority; else its ISCO-08
 * group's. Labels that name O*NET occupations of several codes do not vote.
 */
function escoSoc(labels: string[], isco: string): number {
  const votes = new Map<number, number>();
  labels.forEach((label, i) => {
    const socs = new Set([...(onetTitles.get(titleKey(titleWords(label))) ?? [])].map(onetCode));
    if (socs.size === 1) {
      const soc = [...socs][0]!;
      votes.set(soc, (votes.get(soc) ?? 0) + (i === 0 ? 3 : 1));
    }
  });
  const ranked = byCount(votes);
  const total = ranked.reduce((s, [, n]) => s + n, 0);
  if (ranked.length && ranked[0]![1] >= 3 && ranked[0]![1] >= 0.6 * total) return ranked[0]![0];
  const soc = iscoSoc.get(isco);
  if (soc == null) throw new Error(`isco08-soc2010.tsv has no row for ISCO ${isco}`);
  return soc;
}

const escoOccupations = readCsvRecords(path.join(escoDir, 'occupations_en.csv'));
for (const e of escoOccupations) {
  const labels = [e.preferredLabel!, ...e.altLabels!.split('\n')].map((l) => l.trim()).filter(Boolean);
  const id = `esco:${e.conceptUri!.split('/').pop()}`;
  const soc = escoSoc(labels, e.iscoGroup!);
  labels.forEach((label, i) => use(titleCase(label), id, soc, i === 0 ? 2 : 1, i === 0 ? 1 : 2));
}

/** Titles people print are short; the long O*NET and ESCO descriptions of a post are never matched whole. */
const MAX_TITLE_WORDS = 6;
/** A key keeps its code when that code has more than this share of its votes. */
const MAJORITY = 0.5;

interface TitleEntry {
  display: string;
  soc: number;
  occupation: string;
  words: string[];
}

const groups = new Map<string, TitleUse[]>();
for (const u of uses) {
  const words = titleWords(u.title);
  if (!words.length || words.length > MAX_TITLE_WORDS) continue;
  const key = titleKey(words);
  groups.set(key, [...(groups.get(key) ?? []), u]);
}

const entries = new Map<string, TitleEntry>();
for (const [key, group] of [...groups].sort((a, b) => compare(a[0], b[0]))) {
  const votes = new Map<number, number>();
  const occupations = new Map<string, number>();
  for (const u of group) votes.set(u.soc, (votes.get(u.soc) ?? 0) + u.weight);
  const [[soc, top]] = byCount(votes) as [[number, number]];
  const total = group.reduce((s, u) => s + u.weight, 0);
  for (const u of group) if (u.soc === soc) occupations.set(u.occupation, (occupations.get(u.occupation) ?? 0) + u.weight);
  // Shown: the form people report, without bracketed expansions ("HR Generalist (Human Resources Generalist)");
  // inverted forms ("Teacher, Special Education") only when there is no other; words spelt out ("HVAC
  // Technician", not "HVAC Tech"; "Learning and Development Specialist") where both are listed.
  const forms = new Map<string, number>();
  for (const u of group) {
    const form = u.title.replace(/\s*\([^)]*\)/g, '').trim();
    forms.set(form, Math.min(forms.get(form) ?? Infinity, u.rank));
  }
  const inverted = (t: string): number => Number(/,|\s(of|in|for|to)\s/.test(t));
  const shortened = (t: string): number => Number(abbreviated(t));
  const display = [...forms].sort((a, b) => inverted(a[0]) - inverted(b[0]) || shortened(a[0]) - shortened(b[0]) || a[1] - b[1] || b[0].length - a[0].length || compare(a[0], b[0]))[0]![0];
  entries.set(key, { display, soc: top > MAJORITY * total ? soc : 0, occupation: byCount(occupations)[0]![0], words: titleWords(display) });
}

// Hand-made corrections: titles whose votes are wrong or split, and common titles the datasets lack.
for (const [title, soc] of readTable('title-overrides.tsv')) {
  if (soc !== '0' && !units.has(Number(soc))) throw new Error(`title-overrides.tsv: ${title} → ${soc} is not a SOC 2010 unit group`);
  const words = titleWords(title!);
  const key = titleKey(words);
  const known = entries.get(key);
  entries.set(key, { display: known?.display ?? title!, soc: Number(soc), occupation: known?.soc === Number(soc) ? known.occupation : '', words });
}

/**
 * Head words that name an occupation on their own, whatever comes before them: "nurse" in "Emergency
 * Department Nurse". A head qualifies when the one-word title exists with a code and at least 60% of the
 * titles ending in it share that code ("engineer", "assistant", "cadet" do not).
 */
const headVotes = new Map<string, Map<number, number>>();
for (const e of entries.values()) {
  const head = e.words[e.words.length - 1]!;
  const votes = headVotes.get(head) ?? new Map<number, number>();
  votes.set(e.soc, (votes.get(e.soc) ?? 0) + 1);
  headVotes.set(head, votes);
}
const heads = [...headVotes]
  .filter(([head, votes]) => {
    const soc = entries.get(head)?.soc;
    const total = [...votes.values()].reduce((s, n) => s + n, 0);
    return soc && (votes.get(soc) ?? 0) >= 0.6 * total;
  })
  .map(([head]) => head)
  .sort();

const occupationIds = [...new Set([...entries.values()].map((e) => e.occupation).filter(Boolean))].sort();
const occupationIndex = new Map(occupationIds.map((id, i) => [id, i]));
// A title's printed form is kept only when it is not its words capitalised ("Chief Executive Officer (CEO)");
// otherwise the order of the key's words is enough ("sales manager" under key "manager sales": "10").
const titleRows: Record<string, TitleRow> = {};
for (const [key, e] of [...entries].sort((a, b) => compare(a[0], b[0]))) {
  const occupation = e.occupation ? occupationIndex.get(e.occupation)! : -1;
  const keyWords = key.split(' ');
  const order = e.words.map((w) => keyWords.indexOf(w)).join('');
  const plain = e.display === capitalised(e.words.join(' ')) && keyWords.length === e.words.length;
  titleRows[key] = !plain ? [e.soc, occupation, e.display] : order === keyWords.map((_, i) => i).join('') ? [e.soc, occupation] : [e.soc, occupation, order];
}
const titleSize = writeJson('job-titles.json', { occupations: occupationIds, titles: titleRows, heads } satisfies TitleData);
const coded = [...entries.values()].filter((e) => e.soc).length;
console.log(`data/soc2010.json: ${socRows.length} groups, ${socSize} bytes`);
console.log(`data/job-titles.json: ${entries.size} titles (${coded} with a code), ${heads.length} head words, ${titleSize} bytes`);

// ---------------------------------------------------------------------------------------------
// Skills

interface SkillEntry {
  id: string;
  name: string;
  /** A hard skill, a soft skill, or a tool (a named product or technology: a hard skill too). */
  type: 'h' | 's' | 't';
  /** How often O*NET lists it (occupations), to settle names two products share. */
  uses: number;
  aliases: Map<string, AliasMode>;
}

const skills = new Map<string, SkillEntry>();
const slug = (name: string): string => name.toLowerCase().replace(/\+/g, 'plus').replace(/#/g, 'sharp').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * English words, from the datasets' own prose (occupation and group descriptions): a product whose name
 * is one of them ("Word", "Access", "Canvas") is AMBIGUOUS in running text.
 */
const englishWords = new Set<string>();
const prose = [
  ...readTsv(path.join(onetDir, 'Occupation Data.txt')).map((r) => r[2]!),
  ...escoOccupations.map((e) => e.description!),
  ...readCsvRecords(path.join(escoDir, 'ISCOGroups_en.csv')).map((r) => r.description!),
  ...readCsvRecords(path.join(escoDir, 'skillGroups_en.csv')).map((r) => r.description!),
];
for (const text of prose) for (const w of text.match(/(?<![\p{L}.])\p{Ll}+(?![\p{L}])/gu) ?? []) englishWords.add(w);

/** Names that read as ordinary words or letters in a sentence, beyond what the prose above shows. */
const AMBIGUOUS_NAMES = new Set(skillKey('Excel Go Swift Ruby Rust Spark Hive Pig Chef Puppet Flask Express Ember Julia Dart Elm Scheme Pascal Ada Logo Basic Shell Mercury Oracle Epic Canvas Lever Greenhouse Workday Relativity Clio Teams Slack Zoom Box Word Access Project Outlook Publisher Office Windows Notes Sage Square Toast Seesaw Intercom Jest Cypress Airflow Looker Snowflake Prometheus Mews Lightspeed Tally Visio Dynamics Bloomberg Impact Edge Meet Forms Sheets Docs Drive Pages Numbers Keynote Photos Mail Maps Vision Pulse Spectrum Focus Insight Compass Atlas Anchor Beacon Bridge Catalyst Fusion Horizon Matrix Nexus Orbit Pilot Quest Sentinel Summit Vector Vertex Zenith Alpha Delta Sigma Omega Apex Prism Echo Flow Core Base Stream Grid Hub Link Node Path Point Sync Track View Wave Pro Plus Premier Studio Suite Cloud Connect Manager Server Desktop Online Mobile Enterprise Lite Standard Professional Gold Silver Platinum').split(' '));

/**
 * How far a name can be trusted in sentences. One word that is short, an ordinary word, or a product's
 * short capitals ("DNA", "PDF", "ABC" name O*NET products too) needs its context; so does a product named
 * with ordinary words only.
 */
function aliasMode(name: string, source: 'curated' | 'product' | 'acronym'): AliasMode {
  const words = skillKey(name).split(' ');
  if (words.length === 1) {
    const [w] = words as [string];
    const capitals = source === 'product' && /^[A-Z0-9&-]{2,5}$/.test(name);
    return w.length <= 2 || capitals || AMBIGUOUS_NAMES.has(w) || englishWords.has(w) ? AMBIGUOUS : PROSE;
  }
  // Vitae's phrases are skills as phrases ("project management"); a product named with ordinary words
  // only ("Time Matters") is read in sentences only as printed.
  return source !== 'curated' && words.every((w) => englishWords.has(w) || AMBIGUOUS_NAMES.has(w)) ? AMBIGUOUS : PROSE;
}

function addSkill(id: string, name: string, type: SkillEntry['type'], uses: number): SkillEntry {
  const known = skills.get(id);
  if (known) {
    known.uses += uses;
    return known;
  }
  const entry: SkillEntry = { id, name, type, uses, aliases: new Map() };
  skills.set(id, entry);
  return entry;
}

// O*NET Technology Skills: products ("Microsoft Excel", "Adobe Systems Adobe Photoshop", "Oracle Java") and
// kinds of software ("Spreadsheet software"). Kinds are skipped unless they carry an acronym ("Structured
// query language SQL" → SQL); vendors' names give a short alias ("Excel") and products named twice lose the
// company ("Adobe Systems Adobe Photoshop" → "Adobe Photoshop").
const techRows = readTsv(path.join(onetDir, 'Technology Skills.txt'));
const productUses = new Map<string, number>();
for (const [, example] of techRows) productUses.set(example!, (productUses.get(example!) ?? 0) + 1);
const products = [...productUses.keys()].sort();

/** Companies whose name opens their products' ("Microsoft Excel"); kept in the canonical name. */
const VENDORS = ['Microsoft', 'Adobe', 'Google', 'Apple', 'Amazon', 'SAP', 'Salesforce', 'Cisco', 'Siemens', 'Sage', 'Red Hat'];
/** Companies whose products are named without them ("MATLAB", not "The MathWorks MATLAB"). */
const DROPPED_VENDORS = ['IBM', 'Oracle', 'Autodesk', 'The MathWorks', 'The Mathworks', 'StataCorp', 'National Instruments', 'Dassault Systemes', 'Atlassian', 'Intuit', 'Trimble', 'ESRI', 'Sun Microsystems', 'Apache', 'Qlik Tech', 'Thomson Reuters', 'Thomson West', 'Epic Systems', 'Bentley', 'PTC', 'Cadence', 'Synopsys', 'Avid Technology', 'Corel', 'Wolfram Research', 'Systat Software', 'Golden Software', 'Mentor Graphics', 'Cisco Systems', 'Hewlett-Packard', 'Hewlett Packard', 'GE Healthcare', 'Rockwell', 'MSC Software', 'Vero Software', 'Elite Software', 'BMC Software', 'Exact Software', 'Fair Isaac', 'Blackbaud', 'Infor', 'SunGard', 'McKesson', 'Lawson', 'Yardi Systems', 'Embarcadero', 'Informatica', 'Xerox', 'Nuance'];

/** Whether an acronym spells a phrase: its letters in order, the first in the phrase's first word ("XML", "extensible markup language"). */
function spells(acronym: string, phrase: string): boolean {
  const text = phrase.toLowerCase();
  if (!text.split(' ')[0]!.includes(acronym[0]!.toLowerCase())) return false;
  let at = 0;
  for (const c of acronym.toLowerCase()) {
    at = text.indexOf(c, at) + 1;
    if (!at) return false;
  }
  return true;
}

function product(example: string): { name: string; aliases: string[]; tool: boolean } | null {
  const text = example.replace(/\s+software$/i, '').trim();
  // A kind of software: words in sentence case ("Web browser software", "Tax software"), perhaps ending in
  // its acronym; one capitalised word alone is a product ("Python", "Go"), and so is one followed by capitals
  // that do not spell it ("Jenkins CI").
  const kind = /^([A-Z][a-z]+(?: [a-z][a-z-]*)*)(?: ([A-Z]{2,6}))?$/.exec(text);
  const oneWordKind = text !== example && englishWords.has(text.toLowerCase());
  if (kind?.[2] && spells(kind[2], kind[1]!)) return { name: kind[2], aliases: [kind[1]!], tool: false };
  if (kind && !kind[2] && (kind[1]!.includes(' ') || oneWordKind)) return null;
  let name = text.replace(/ [a-z][a-z ]*$/, '');
  const words = name.split(' ');
  const repeat = words.indexOf(words[0]!, 1);
  if (repeat > 0) name = words.slice(repeat).join(' ');
  const aliases: string[] = [];
  // "Amazon Web Services AWS": a closing acronym made of the initials of the product's words (its vendor's
  // aside: "Microsoft SQL Server Integration Services SSIS") is another name for it; one that is not
  // ("HarrisData Human Resources Information System HRIS") names the kind of software, and is dropped.
  const vendor = [...VENDORS, ...DROPPED_VENDORS].filter((v) => name.startsWith(v + ' ')).sort((a, b) => b.length - a.length)[0];
  const acronym = /^(.*\S) ([A-Z][A-Z0-9]{1,6})$/.exec(name);
  if (acronym) {
    const initials = (words: string): string => words.split(' ').filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
    const own = vendor && acronym[1]!.startsWith(vendor + ' ') ? acronym[1]!.slice(vendor.length + 1) : acronym[1]!;
    const spelt = initials(acronym[1]!) === acronym[2] || initials(own) === acronym[2];
    if (spelt) aliases.push(acronym[2]!);
    // A closing word that is no acronym of the words before it is the product's name ("The MathWorks MATLAB").
    if (spelt || spells(acronym[2]!, own)) name = acronym[1]!;
  }
  if (vendor) {
    const rest = name.slice(vendor.length + 1);
    aliases.push(rest);
    if (vendor === 'Microsoft') aliases.push(`MS ${rest}`);
    if (DROPPED_VENDORS.includes(vendor)) {
      aliases.push(name);
      name = rest;
    }
  }
  return { name, aliases, tool: true };
}

for (const example of products) {
  const p = product(example);
  if (!p) continue;
  const entry = addSkill(`onet:${slug(p.name)}`, p.name, p.tool ? 't' : 'h', productUses.get(example)!);
  for (const alias of [p.name, ...p.aliases]) if (skillKey(alias)) entry.aliases.set(alias, aliasMode(alias, p.tool ? 'product' : 'acronym'));
}

// ESCO transversal skills: soft unless digital (the ICT collection and skills about software or devices).
// Their labels are verb phrases ("manage time", "lead others"), trusted only as whole skills-list items.
const ict = new Set(readCsvRecords(path.join(escoDir, 'ictSkillsCollection_en.csv')).map((r) => r.conceptUri));
for (const r of readCsvRecords(path.join(escoDir, 'transversalSkillsCollection_en.csv'))) {
  const digital = ict.has(r.conceptUri) || r.skillType === 'knowledge' || /digital|ict|computer|software|database|online|internet|web|device|virus|firewall|spam|network|query|google|bing|yahoo|swoogle/i.test(`${r.preferredLabel} ${r.broaderConceptPT}`);
  const entry = addSkill(`esco:${r.conceptUri!.split('/').pop()}`, r.preferredLabel!, digital ? 'h' : 's', 0);
  for (const label of [r.preferredLabel!, ...r.altLabels!.split('|')].map((l) => l.trim()).filter(Boolean)) entry.aliases.set(label, LIST_ONLY);
}

// Vitae's list: soft skills in the words résumés use (mapped to ESCO's concept where there is one), common
// professional skills, current software O*NET 27.0 lacks, and short names for O*NET products ("JS").
for (const [id, type, name, aliases] of readTable('skills.tsv')) {
  const known = skills.get(id!);
  if (id!.startsWith('onet:') && !known) throw new Error(`skills.tsv: ${id} is not an O*NET product`);
  if (id!.startsWith('esco:') && !known) throw new Error(`skills.tsv: ${id} is not an ESCO transversal skill`);
  const kind = ({ soft: 's', hard: 'h', tool: 't' } as const)[type as 'soft' | 'hard' | 'tool'];
  if (!kind) throw new Error(`skills.tsv: ${id} has type "${type}"; soft, hard or tool`);
  const entry = known ?? addSkill(id!, name!, kind, 0);
  entry.name = name!;
  entry.type = kind;
  for (const alias of [name!, ...(aliases ? aliases.split('|') : [])]) entry.aliases.set(alias, aliasMode(alias, 'curated'));
}

// One skill per name: Vitae's list first, then the products O*NET lists most, then ESCO's labels.
const order = [...skills.values()].sort((a, b) => Number(b.id.startsWith('vitae:')) - Number(a.id.startsWith('vitae:')) || b.uses - a.uses || compare(a.id, b.id));
const data: SkillData = { skills: [], aliases: {} };
const kept = new Map<string, SkillData['aliases'][string]>();
for (const s of order) {
  const index = data.skills.length;
  let names = 0;
  for (const [alias, mode] of s.aliases) {
    const key = skillKey(alias);
    const known = kept.get(key);
    // A curated name wins over a product's, which wins over ESCO's list-only label.
    if (known && !(known[1] === LIST_ONLY && mode !== LIST_ONLY)) continue;
    kept.set(key, mode === AMBIGUOUS ? [index, mode, alias] : [index, mode]);
    names++;
  }
  // A skill whose every name went to another is left out, so indexes follow the skills kept.
  if (names) data.skills.push([s.id, s.name, s.type]);
}
data.aliases = Object.fromEntries([...kept].sort((a, b) => compare(a[0], b[0])));
const skillSize = writeJson('skills.json', data);
console.log(`data/skills.json: ${data.skills.length} skills, ${kept.size} names, ${skillSize} bytes`);

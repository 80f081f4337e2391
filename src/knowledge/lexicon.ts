/**
 * Word-level knowledge for telling apart the parts of an entry heading: job titles, employers, schools,
 * degrees. Job-title words come from data/job-title-words.json (built by scripts/build-knowledge.ts from
 * O*NET and ESCO); the short lists here are the words that mark organisations and qualifications.
 */
import { readFileSync } from 'node:fs';

interface TitleWords {
  heads: Record<string, number>;
  words: Record<string, number>;
}

let titleWords: TitleWords | null = null;
function loadTitleWords(): TitleWords {
  titleWords ??= JSON.parse(readFileSync(new URL('../../data/job-title-words.json', import.meta.url), 'utf8')) as TitleWords;
  return titleWords;
}

const tokenize = (s: string): string[] =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\(.*?\)/g, ' ')
    .split(/[^a-z0-9&+#]+/)
    .filter(Boolean);

/** Words that make a job title senior or specific but also head organisation names rarely. */
const TITLE_MARKERS = new Set([
  'senior', 'junior', 'lead', 'principal', 'chief', 'head', 'intern', 'trainee', 'apprentice', 'associate', 'staff',
  'sr', 'jr', 'vp', 'svp', 'evp', 'ceo', 'cto', 'cfo', 'coo', 'cio', 'cmo', 'founder', 'co-founder', 'cofounder',
  'partner', 'owner', 'president', 'volunteer', 'fellow', 'researcher', 'postdoc', 'postdoctoral', 'student',
  'freelance', 'freelancer', 'contractor', 'ii', 'iii', 'iv',
]);

/** Words that mark an organisation's name. */
const ORG_WORDS = new Set([
  'inc', 'ltd', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'sa', 'sas', 'sarl', 'bv', 'nv', 'pty', 'pvt', 'co', 'corp',
  'corporation', 'company', 'limited', 'group', 'holdings', 'bank', 'technologies', 'technology', 'solutions',
  'systems', 'labs', 'laboratories', 'partners', 'consulting', 'associates', 'agency', 'studio', 'studios',
  'foundation', 'trust', 'hospital', 'clinic', 'council', 'ministry', 'department', 'authority', 'university',
  'college', 'school', 'institute', 'academy', 'polytechnic', 'gymnasium', 'lycee', 'hochschule', 'universitat',
  'universitaet', 'universite', 'universidad', 'universita', 'universiteit', 'international', 'global', 'media',
  'networks', 'industries', 'enterprises', 'ventures', 'capital', 'financial', 'insurance', 'airlines', 'airways',
  'motors', 'pharmaceuticals', 'health', 'healthcare', 'energy', 'communications', 'telecom', 'software', 'digital',
  'restaurant', 'hotel', 'hotels', 'resorts', 'stores', 'retail', 'foods', 'logistics', 'nhs', 'gov', 'government',
  'centre', 'center', 'society', 'association', 'federation', 'organisation', 'organization', 'firm', 'llp', 'kg',
  'se', 'spa', 'srl', 'ab', 'as', 'oy', 'kk', 'bhd', 'sdn', 'groupe', 'gruppe', 'grupo', 'gruppo', 'konzern', 'societe',
  'compagnie', 'cie', 'services', 'schools', 'district', 'transport', 'wholesale', 'manufacturing', 'electric',
  'pharmaceutical', 'construction', 'partnership', 'trading', 'store', 'supermarkets', 'markets', 'brands',
]);

const SCHOOL_WORDS = new Set([
  'university', 'college', 'school', 'institute', 'academy', 'polytechnic', 'gymnasium', 'lycee', 'hochschule',
  'universitat', 'universitaet', 'universite', 'universidad', 'universidade', 'universita', 'universiteit', 'iit',
  'iim', 'nit', 'conservatory', 'seminary', 'ecole', 'escuela', 'faculty', 'campus', 'mit', 'ucla', 'lse', 'eth',
  'epfl', 'insead', 'essec', 'hec', 'tu', 'fachhochschule', 'kolleg', 'realschule', 'gesamtschule', 'liceo',
  'instituto', 'politecnico', 'polytechnique', 'technion', 'tafe', 'cegep',
]);

/**
 * Job titles in the other languages of the headings lexicon, which the English O*NET/ESCO word counts do not
 * know. German and Dutch build titles as compounds ending in the job word ("Projektleiter",
 * "Data-analist"), so those heads match a word's end; French, Spanish, Italian and Portuguese put the job
 * word first ("Ingénieure logiciel", "Analista financiera"), so those match a whole word. Accents removed.
 */
const COMPOUND_HEADS = [
  'leiter', 'leiterin', 'berater', 'beraterin', 'entwickler', 'entwicklerin', 'ingenieur', 'ingenieurin', 'techniker',
  'technikerin', 'kaufmann', 'kauffrau', 'referent', 'referentin', 'sachbearbeiter', 'sachbearbeiterin', 'assistent',
  'assistentin', 'mitarbeiter', 'mitarbeiterin', 'administrator', 'administratorin', 'lehrer', 'lehrerin', 'arzt',
  'arztin', 'pfleger', 'pflegerin', 'krankenschwester', 'praktikant', 'praktikantin', 'werkstudent', 'werkstudentin',
  'geschaftsfuhrer', 'geschaftsfuhrerin', 'monteur', 'verkaufer', 'verkauferin', 'direktor', 'direktorin', 'koch',
  'kochin', 'analyst', 'analystin', 'analist', 'medewerker', 'medewerkster', 'adviseur', 'ontwikkelaar', 'beheerder',
  'stagiair', 'verpleegkundige', 'docent', 'leraar', 'lerares', 'manager', 'managerin', 'consultant', 'coordinator',
  'coordinatorin', 'specialist', 'spezialist', 'spezialistin', 'architekt', 'architektin', 'vertegenwoordiger',
];
const FIRST_WORD_HEADS = new Set([
  'ingenieur', 'ingenieure', 'responsable', 'chef', 'directeur', 'directrice', 'developpeur', 'developpeuse', 'analyste',
  'consultante', 'technicien', 'technicienne', 'assistante', 'charge', 'chargee', 'gestionnaire', 'infirmier',
  'infirmiere', 'comptable', 'vendeur', 'vendeuse', 'conseiller', 'conseillere', 'stagiaire', 'enseignant',
  'enseignante', 'analista', 'ingeniero', 'ingeniera', 'directora', 'jefe', 'jefa', 'tecnico', 'tecnica', 'enfermero',
  'enfermera', 'desarrollador', 'desarrolladora', 'auditora', 'contable', 'abogado', 'abogada', 'gerente',
  'coordinador', 'coordinadora', 'responsabile', 'ingegnere', 'direttore', 'direttrice', 'addetto', 'addetta',
  'impiegato', 'impiegata', 'sviluppatore', 'sviluppatrice', 'infermiere', 'infermiera', 'commesso', 'commessa',
  'enfermeira', 'enfermeiro', 'engenheiro', 'engenheira', 'gestor', 'gestora', 'diretor', 'diretora',
  'desenvolvedor', 'desenvolvedora', 'assistente', 'professora', 'advogado', 'advogada', 'contabilista', 'profesor',
  'profesora', 'docente', 'insegnante', 'medico', 'medica',
]);

/** Whether a text names a job in one of the other lexicon languages (see COMPOUND_HEADS). */
function foreignTitle(toks: string[]): boolean {
  if (FIRST_WORD_HEADS.has(toks[0]!)) return true;
  // "Demi Chef de Partie": the job word before a preposition.
  const of = toks.findIndex((t, i) => i > 0 && OF.has(t));
  if (of > 0 && FIRST_WORD_HEADS.has(toks[of - 1]!)) return true;
  const last = toks[toks.length - 1]!;
  return COMPOUND_HEADS.some((h) => last.endsWith(h) && (last.length === h.length || last.length >= h.length + 3));
}

/**
 * The O*NET titles are spelt the American way: a British "labourer", "organiser" or "colourist" is looked up
 * as "laborer", "organizer", "colorist" too.
 */
function countOf(table: Record<string, number>, word: string): number {
  const american = word
    .replace(/our(er|ers|ist|ists)?$/, 'or$1')
    .replace(/is(er|ers|ation)$/, 'iz$1')
    .replace(/yser$/, 'yzer')
    .replace(/tre$/, 'ter');
  return Math.max(table[word] ?? 0, american === word ? 0 : (table[american] ?? 0));
}

const OF = new Set(['of', 'de', 'du', 'des', 'del', 'della', 'di', 'da', 'do', 'van', 'von', 'fur', 'für']);

const STOP = new Set(['in', 'of', 'and', 'the', 'for', 'to', 'at', 'on', 'with', 'a', 'an', 'or', 'by', '&']);

/**
 * Title words as résumés shorten them ("Sr. Software Eng.", "Asst. Mgr"), read as the words they stand for. Only
 * shortenings that are not also words or the ends of company names ("Tech", "Sys" are left alone).
 */
const TITLE_ABBREVIATIONS: Record<string, string> = {
  eng: 'engineer', engr: 'engineer', engg: 'engineer', mgr: 'manager', dev: 'developer', admin: 'administrator', asst: 'assistant',
  assoc: 'associate', exec: 'executive', coord: 'coordinator', spec: 'specialist', rep: 'representative', dir: 'director',
  acct: 'accountant', cons: 'consultant', prog: 'programmer', pres: 'president', supv: 'supervisor', supvr: 'supervisor',
};

/** How much a text looks like a job title, 0..1: its head word, its other words. */
export function titleScore(text: string): number {
  const toks = tokenize(text).map((t) => TITLE_ABBREVIATIONS[t] ?? t);
  if (!toks.length || toks.length > 10) return 0;
  const { heads, words } = loadTitleWords();
  const last = toks[toks.length - 1]!;
  let score = 0;
  if (STOP.has(last)) return 0; // "Indianapolis, IN", "Director of": not how titles end
  // "Head of Marketing", "Chef de Partie", "Responsabile di reparto": the job word comes before the preposition.
  const of = toks.findIndex((t, i) => i > 0 && OF.has(t));
  const head = of > 0 && countOf(heads, toks[of - 1]!) > countOf(heads, last) ? toks[of - 1]! : last;
  const headCount = countOf(heads, head);
  if (headCount >= 50) score += 0.6;
  else if (headCount >= 10 || foreignTitle(toks)) score += 0.45;
  else if (headCount >= 5) score += 0.3;
  else if (headCount >= 3) score += 0.15;
  if (toks.some((t) => TITLE_MARKERS.has(t))) score += 0.25;
  // "Legal & General", "Sales and Marketing": a last word joined to the one before by "and" is half of a
  // name or a department, not the head of a job title.
  if (toks.length >= 3 && (toks[toks.length - 2] === '&' || toks[toks.length - 2] === 'and')) score -= 0.4;
  const known = toks.filter((t) => countOf(words, t) >= 5 || TITLE_MARKERS.has(t)).length;
  score += 0.25 * (known / toks.length);
  // An organisation word weighs less before a strong title head ("Call Centre Agent", "Bank Teller").
  if (toks.some((t) => ORG_WORDS.has(t) && !TITLE_MARKERS.has(t))) score -= headCount >= 50 ? 0.1 : 0.35;
  return Math.max(0, Math.min(1, score));
}

/** How much a text looks like an organisation's name, 0..1. */
export function orgScore(text: string): number {
  const toks = tokenize(text);
  if (!toks.length) return 0;
  let score = 0.2;
  if (toks.some((t) => ORG_WORDS.has(t))) score += 0.5;
  // "Call Centre Agent" ends as a job title does.
  if (!ORG_WORDS.has(toks[toks.length - 1]!) && countOf(loadTitleWords().heads, toks[toks.length - 1]!) >= 50) score -= 0.4;
  if (/&|\b[A-Z]{2,}\b/.test(text)) score += 0.1;
  if (/^the\b/i.test(text)) score += 0.1;
  return Math.min(1, score);
}

export function schoolScore(text: string): number {
  const toks = tokenize(text);
  if (toks.some((t) => SCHOOL_WORDS.has(t))) return 0.9;
  return 0;
}


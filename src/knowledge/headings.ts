/**
 * Section headings, in English, French, German, Spanish, Portuguese, Italian and Dutch, mapped to a topic
 * (what the section is about) and Affinda's section type. Matching is on the normalised heading
 * (lower case, accents stripped, punctuation collapsed), as a whole or as its head phrase: "Professional
 * Experience & Internships" matches "professional experience".
 */
import type { SectionType } from '../pipeline/doc.ts';

export type Topic =
  | 'personal'
  | 'summary'
  | 'objective'
  | 'work'
  | 'education'
  | 'skills'
  | 'languages'
  | 'interests'
  | 'certifications'
  | 'publications'
  | 'referees'
  | 'projects'
  | 'achievements'
  | 'extracurriculars'
  | 'organisations'
  | 'additional'
  /** "Career summary", "Qualifications": work or summary / education or certifications, decided by content. */
  | 'ambiguous';

export const SECTION_TYPE_OF: Record<Topic, SectionType> = {
  personal: 'PersonalDetails',
  summary: 'Summary',
  objective: 'Summary',
  work: 'WorkExperience',
  education: 'Education',
  skills: 'Skills',
  languages: 'Skills/Interests/Languages',
  interests: 'Skills/Interests/Languages',
  certifications: 'Training/Certifications',
  publications: 'Publications',
  referees: 'Referees',
  projects: 'Projects',
  achievements: 'Achievements',
  extracurriculars: 'Extracurriculars',
  organisations: 'Organisations',
  additional: 'AdditionalInformation',
  ambiguous: 'Other',
};

const LEXICON: Record<Topic, string[]> = {
  personal: [
    'personal details', 'personal information', 'personal data', 'personal info', 'personal particulars', 'contact',
    'contacts', 'contact details', 'contact information', 'contact info', 'details', 'get in touch', 'personal profile details', 'personal dossier', 'links',
    'informations personnelles', 'coordonnees', 'etat civil', 'persoenliche daten', 'personliche daten', 'persoenliche angaben',
    'personliche angaben', 'kontakt', 'kontaktdaten', 'datos personales', 'informacion personal', 'contacto', 'dados pessoais',
    'informacoes pessoais', 'contato', 'dati personali', 'informazioni personali', 'contatti', 'persoonlijke gegevens',
    'persoonsgegevens', 'contactgegevens',
  ],
  summary: [
    'summary', 'professional summary', 'profile', 'professional profile', 'career profile', 'personal profile', 'about',
    'about me', 'executive summary', 'personal statement', 'overview', 'professional overview', 'summary of qualifications',
    'qualifications summary', 'profile summary', 'introduction', 'bio', 'biography', 'highlights', 'career highlights', 'personal summary', 'career statement', 'resume profile', 'executive profile', 'executive overview', 'career snapshot', 'professional snapshot',
    'who i am', 'profil', 'profil professionnel', 'resume', 'a propos', 'a propos de moi',
    'kurzprofil', 'uber mich', 'ueber mich', 'profil personnel', 'perfil', 'perfil profesional', 'resumen',
    'resumen profesional', 'sobre mi', 'perfil profissional', 'resumo', 'resumo profissional', 'sobre mim', 'profilo',
    'profilo professionale', 'sommario', 'chi sono', 'profiel', 'samenvatting', 'over mij', 'persoonlijk profiel',
  ],
  objective: ['objective', 'career objective', 'professional objective', 'objectives', 'career goal', 'career goals', 'goal', 'objectif', 'objectif professionnel', 'ziel', 'berufsziel', 'objetivo', 'objetivo profesional', 'objetivo profissional', 'obiettivo', 'obiettivo professionale', 'doel', 'doelstelling'],
  work: [
    'experience', 'work experience', 'professional experience', 'employment', 'employment history', 'work history',
    'career history', 'relevant experience', 'positions held', 'positions', 'academic positions', 'appointments', 'professional history', 'employment record', 'career path', 'where ive worked', 'where i have worked', 'trayectoria profesional', 'trayectoria laboral', 'percurso profissional',
    'professional employment', 'work', 'experiences', 'professional experiences', 'career', 'career experience',
    'employment experience', 'job history', 'industry experience', 'academic appointments', 'research experience',
    'teaching experience', 'clinical experience', 'internships', 'internship', 'internship experience', 'work experiences',
    'experience professionnelle', 'experiences professionnelles', 'parcours professionnel', 'emplois',
    'berufserfahrung', 'berufliche erfahrung', 'beruflicher werdegang', 'werdegang', 'praxiserfahrung', 'berufspraxis',
    'experiencia', 'experiencia laboral', 'experiencia profesional', 'historial laboral', 'experiencia profissional',
    'historico profissional', 'experiencia de trabalho', 'esperienza', 'esperienze', 'esperienza lavorativa',
    'esperienze lavorative', 'esperienza professionale', 'esperienze professionali', 'werkervaring', 'ervaring',
    'professionele ervaring', 'loopbaan', 'arbeidsverleden',
  ],
  education: [
    'education', 'academia', 'academic background', 'academic qualifications', 'educational background', 'education and training',
    'education & training', 'academic history', 'academics', 'studies', 'academic record', 'educational qualifications',
    'education history', 'academic profile', 'schooling', 'academic credentials', 'degrees', 'education background', 'academic details', 'education details', 'educational details', 'educational qualification', 'academic qualification', 'education qualification', 'educational profile', 'scholastic profile',
    'formation', 'formations', 'etudes', 'parcours academique', 'diplomes', 'formation academique', 'ausbildung',
    'bildung', 'bildungsweg', 'akademische ausbildung', 'schulbildung', 'studium', 'formacion', 'formacion academica',
    'educacion', 'estudios', 'formacao', 'formacao academica', 'educacao', 'istruzione', 'formazione',
    'istruzione e formazione', 'titoli di studio', 'opleiding', 'opleidingen', 'onderwijs',
  ],
  skills: [
    'skills', 'key skills', 'core competencies', 'technical skills', 'competencies', 'expertise', 'areas of expertise',
    'skills and expertise', 'skills & expertise', 'core skills', 'professional skills', 'technologies', 'tech stack',
    'technical expertise', 'tools', 'tools and technologies', 'strengths', 'key competencies', 'skill set', 'skillset',
    'abilities', 'capabilities', 'competences', 'proficiencies', 'technical proficiencies', 'technical proficiency', 'areas of excellence', 'toolkit', 'tool kit', 'toolbox', 'technical toolbox', 'conhecimentos', 'conhecimentos tecnicos', 'conocimientos tecnicos', 'it skills', 'computer skills',
    'software', 'skills summary', 'relevant skills', 'specialties', 'specialities', 'key strengths', 'hard skills',
    'soft skills', 'personal skills', 'transferable skills', 'skills and abilities', 'technical competencies',
    'competences cles', 'competences techniques', 'savoir faire', 'kenntnisse', 'fahigkeiten', 'faehigkeiten',
    'kompetenzen', 'fachkenntnisse', 'edv kenntnisse', 'it kenntnisse', 'habilidades', 'competencias', 'aptitudes',
    'conocimientos', 'habilidades tecnicas', 'competencias tecnicas', 'competenze', 'competenze tecniche', 'abilita',
    'capacita', 'vaardigheden', 'competenties', 'kennis',
  ],
  languages: ['languages', 'language skills', 'language', 'language proficiency', 'languages spoken', 'spoken languages', 'foreign languages', 'linguistic skills', 'langues', 'competences linguistiques', 'sprachen', 'sprachkenntnisse', 'idiomas', 'lenguas', 'lingue', 'conoscenze linguistiche', 'competenze linguistiche', 'talen', 'talenkennis'],
  interests: ['interests', 'hobbies', 'areas of interest', 'area of interest', 'hobbies and interests', 'personal interests', 'interests and hobbies', 'outside interests', 'leisure', 'activities and interests', "centres d'interet", 'centres d interet', 'centres dinteret', 'loisirs', 'interessen', 'hobbys', 'freizeit', 'intereses', 'aficiones', 'interesses', 'passatempos', 'interessi', 'hobby', 'interesses en hobbys'],
  certifications: [
    'certifications', 'certification', 'certificates', 'licenses', 'licences', 'licenses and certifications',
    'licences and certifications', 'certifications and licenses', 'accreditations', 'training', 'courses',
    'professional development', 'professional certifications', 'training and certifications', 'certifications and training',
    'continuing education', 'courses and certifications', 'credentials', 'professional qualifications', 'licensure',
    'trainings', 'further training', 'certifications & licenses', 'professional training', 'relevant coursework',
    'coursework', 'certificats', 'formations complementaires', 'zertifikate', 'zertifizierungen', 'weiterbildung',
    'fortbildungen', 'weiterbildungen', 'certificaciones', 'certificados', 'cursos', 'certificacoes', 'certificazioni',
    'certificati', 'corsi', 'certificaten', 'certificeringen', 'attestati', 'cursussen', 'trainingen',
  ],
  publications: ['publications', 'selected publications', 'research output', 'research outputs', 'presentations', 'papers', 'research publications', 'journal articles', 'publications and presentations', 'articles', 'conference papers', 'peer reviewed publications', 'books', 'publikationen', 'veroffentlichungen', 'veroeffentlichungen', 'publicaciones', 'publicacoes', 'pubblicazioni', 'publicaties'],
  referees: ['references', 'referees', 'professional references', 'reference', 'referee', 'references available upon request', 'referenzen', 'referencias', 'referencias profissionais', 'referenze', 'referenties'],
  projects: ['projects', 'personal projects', 'project details', 'key projects', 'selected projects', 'academic projects', 'side projects', 'project experience', 'notable projects', 'open source', 'portfolio', 'projets', 'projekte', 'proyectos', 'projetos', 'progetti', 'projecten'],
  achievements: ['achievements', 'awards', 'honors', 'honours', 'awards and honors', 'awards and honours', 'honors and awards', 'honours and awards', 'accomplishments', 'key achievements', 'recognition', 'grants', 'scholarships', 'grants and awards', 'fellowships', 'prix', 'distinctions', 'auszeichnungen', 'erfolge', 'premios', 'logros', 'premi', 'riconoscimenti', 'prijzen', 'onderscheidingen'],
  extracurriculars: ['extracurricular activities', 'extra curricular activities', 'co curricular activities', 'cocurricular activities', 'extracurriculars', 'activities', 'volunteering', 'volunteer experience', 'volunteer work', 'community service', 'leadership', 'leadership experience', 'leadership and activities', 'community involvement', 'involvement', 'benevolat', 'ehrenamt', 'ehrenamtliches engagement', 'voluntariado', 'volontariato', 'vrijwilligerswerk'],
  organisations: ['memberships', 'professional memberships', 'affiliations', 'professional affiliations', 'associations', 'professional associations', 'member of', 'mitgliedschaften', 'membresias', 'afiliaciones', 'lidmaatschappen'],
  additional: ['additional information', 'other information', 'miscellaneous', 'other', 'additional', 'additional skills and information', 'informations complementaires', 'sonstiges', 'weitere angaben', 'informacion adicional', 'informacoes adicionais', 'altre informazioni', 'overige', 'aanvullende informatie'],
  ambiguous: ['career summary', 'qualifications', 'professional qualifications and experience', 'background', 'career overview', 'professional background'],
};

const INDEX: Map<string, Topic> = (() => {
  const m = new Map<string, Topic>();
  for (const [topic, phrases] of Object.entries(LEXICON) as [Topic, string[]][]) for (const p of phrases) m.set(normalizeHeading(p), topic);
  return m;
})();

/** Words of praise that open a list item ("Strong analytical skills"), never a heading. */
const PRAISE = new Set(['strong', 'excellent', 'good', 'great', 'outstanding', 'exceptional', 'superb', 'solid', 'proven', 'effective', 'superior', 'sound', 'exemplary', 'extensive']);

/** Topics whose heading noun, last in a longer heading, still names the section. */
const HEAD_NOUN_TOPICS = new Set<Topic>(['work', 'education', 'skills', 'languages', 'certifications', 'publications', 'referees', 'projects', 'interests', 'achievements']);

const SPACELESS: Map<string, Topic> = new Map([...INDEX.entries()].map(([k, v]) => [k.replace(/ /g, ''), v]));

/** Lower case, accents stripped, "&"→"and", punctuation and numbering dropped, spaces collapsed. */
export function normalizeHeading(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' and ')
    .replace(/^\s*(\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s+/, '') // numbering: "1. ", "II. ", "a) "
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The topic of a phrase that is exactly a known heading ("Tools", "Soft Skills"), else null. */
export function exactHeadingTopic(text: string): Topic | null {
  const norm = normalizeHeading(text);
  return INDEX.get(norm) ?? splitSmallCaps(norm) ?? null;
}

/**
 * Small capitals read back with a space after each word's larger first letter ("P ROFESSIONAL E XPERIENCE",
 * "P ROFE SSI ONAL D EVELOPMENT"): a lone letter opening the heading, and the whole read without spaces.
 */
function splitSmallCaps(norm: string): Topic | undefined {
  return /^[a-z] [a-z]{2}/.test(norm) ? SPACELESS.get(norm.replace(/ /g, '')) : undefined;
}

/**
 * The topic a heading names, or null. Tries the whole heading, then a spaced-letters heading
 * ("E X P E R I E N C E"), then its first two or three words ("Work Experience (selected)"),
 * then each part of a compound ("Skills & Languages" → skills).
 */
export function headingTopic(text: string): Topic | null {
  const norm = normalizeHeading(text);
  if (!norm) return null;
  // Letter-spaced ("K E Y S K I L L S", "H I S TO RY", "E D U C A T I O N & T R A I N I N G"): the word
  // spaces are lost, so the letters are joined and matched without spaces; "&" still separates.
  const toks = norm.split(' ');
  if (toks.length >= 4 && toks.filter((t) => t.length <= 2).length >= 0.7 * toks.length) {
    const joined = norm.split(' and ').map((part) => part.replace(/ /g, ''));
    const exact = INDEX.get(joined.join(' and ')) ?? SPACELESS.get(joined.join('and')) ?? SPACELESS.get(joined[0]!);
    if (exact) return exact;
    // "EDUCATIONANDQUALIFICATIONS": the longest known heading it starts with.
    const whole = joined.join('and');
    let best: [string, Topic] | null = null;
    for (const [k, v] of SPACELESS) if (k.length >= 5 && whole.startsWith(k) && (!best || k.length > best[0].length)) best = [k, v];
    return best?.[1] ?? null;
  }
  const direct = INDEX.get(norm) ?? INDEX.get(norm.replace(/ and /g, ' ')) ?? splitSmallCaps(norm);
  if (direct) return direct;
  const words = norm.split(' ');
  if (words.length > 6) return null;
  for (const n of [3, 2]) {
    if (words.length > n) {
      const head = INDEX.get(words.slice(0, n).join(' '));
      if (head) return head;
    }
  }
  for (const part of norm.split(/ and | or |\//)) {
    const t = INDEX.get(part.trim());
    if (t) return t;
  }
  // A whole known heading with a typo in it comes before any reading of its parts.
  const misspelled = misspelledTopic(words);
  if (misspelled) return misspelled;
  // "Related Experience in Education", "Skills for Success": the head noun comes before the preposition.
  // (Not a degree's name: "B Tech Honors" is no honours section, "Diploma in Education" no education heading.)
  const degree = /^(bachelor|master|doctor|diploma|certificate|associate|[bm] ?(tech|sc|com|e|eng|ed|pharm|arch)\b|bba|mba|bca|mca|ph ?d\b|btec|hn[cd]\b)/.test(norm);
  // Only in title case or capitals: "Experience with European culture" is an item of a skills list.
  const titled = text.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w)).every((w) => /^\p{Lu}/u.test(w));
  const phrase = /^(.+?) (?:in|at|with|within|for|of) (.+)$/.exec(norm);
  if (phrase && titled && words.length <= 6 && !degree) {
    const before = phrase[1]!.split(' ');
    for (const n of [2, 1]) {
      const noun = before.length >= n ? INDEX.get(before.slice(-n).join(' ')) : undefined;
      if (noun && HEAD_NOUN_TOPICS.has(noun)) return noun;
    }
  }
  // "Job-related skills", "Computer skills", "Relevant work experience": the head noun comes last.
  // (Not after praise: "Strong analytical skills", "Excellent communication skills" are items of a list.)
  if (words.length >= 2 && words.length <= 4 && !degree) {
    for (const n of [2, 1]) {
      const tail = INDEX.get(words.slice(-n).join(' '));
      if (tail === 'skills' && PRAISE.has(words[0]!)) continue;
      if (tail && HEAD_NOUN_TOPICS.has(tail)) return tail;
    }
  }
  // "My experience", "Selected publications", "Relevant work experience"
  if (words.length >= 2) {
    const tail = INDEX.get(words.slice(1).join(' '));
    if (tail && ['my', 'selected', 'relevant', 'other', 'recent', 'key', 'previous', 'additional', 'professional', 'academic'].includes(words[0]!)) return tail;
  }
  return null;
}

/**
 * A known heading with a typo ("ACADEMEIC CREDENTIALS", "EXPERINCE"): same number of words, each long word
 * at most one edit away (short words must match), at least one long word.
 */
function misspelledTopic(words: string[]): Topic | null {
  if (words.length > 3 || !words.some((w) => w.length >= 6)) return null;
  for (const [kw, topic] of HEADINGS_BY_LENGTH.get(words.length) ?? []) {
    if (kw.every((k, i) => k === words[i] || (k.length >= 6 && Math.abs(k.length - words[i]!.length) <= 1 && withinOneEdit(k, words[i]!)))) return topic;
  }
  return null;
}

/** The known headings' words, by number of words, for `misspelledTopic`. */
const HEADINGS_BY_LENGTH = new Map<number, Array<[string[], Topic]>>();
for (const [key, topic] of INDEX) {
  const kw = key.split(' ');
  HEADINGS_BY_LENGTH.set(kw.length, [...(HEADINGS_BY_LENGTH.get(kw.length) ?? []), [kw, topic]]);
}

/** Whether two words differ by at most one insertion, deletion or substitution. */
function withinOneEdit(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  return a.length === b.length ? a.slice(i + 1) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

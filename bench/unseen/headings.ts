/** Section heading wordings: English variants, and French/German/Spanish/Portuguese/Italian/Dutch ones. */
import type { HeadingLang, SectionType } from './model.ts';
import type { Rng } from './rng.ts';

type Vocab = Record<SectionType, string[]>;

const EN: Vocab = {
  PersonalDetails: ['Contact', 'Personal Details', 'Personal Information', 'Get in Touch', 'Details', 'Contact Information'],
  Summary: ['Profile', 'Professional Summary', 'Summary', 'About Me', 'Personal Statement', 'Executive Profile', 'Career Profile', 'Overview'],
  WorkExperience: ['Professional Experience', 'Career History', "Where I've Worked", 'Employment', 'Relevant Experience', 'Work Experience', 'Experience', 'Employment Record', 'Professional Background', 'Positions Held'],
  Education: ['Education', 'Academic Qualifications', 'Education & Training', 'Qualifications', 'Academic Background', 'Education and Qualifications', 'Studies'],
  Skills: ['Skills', 'Technical Toolbox', 'Expertise', 'Skills & Tools', 'Core Skills', 'Areas of Expertise', 'Technical Skills', 'Competencies', 'Toolkit', 'Key Skills'],
  Languages: ['Languages', 'Language Skills', 'Spoken Languages'],
  Certifications: ['Certifications', 'Licences & Certifications', 'Certificates', 'Professional Development', 'Credentials', 'Accreditations', 'Courses & Certifications'],
  Publications: ['Publications', 'Selected Publications', 'Research Output', 'Peer-Reviewed Publications'],
  Referees: ['References', 'Referees'],
};
const OBJECTIVE_EN = ['Objective', 'Career Objective', 'Career Goal'];

const FOREIGN: Record<Exclude<HeadingLang, 'en'>, Vocab & { objective: string[] }> = {
  fr: {
    PersonalDetails: ['Coordonnées', 'Informations personnelles'],
    Summary: ['Profil', 'Profil professionnel', 'À propos'],
    objective: ['Objectif professionnel'],
    WorkExperience: ['Expérience professionnelle', 'Parcours professionnel', 'Expériences'],
    Education: ['Formation', 'Diplômes et formations', 'Formation académique'],
    Skills: ['Compétences', 'Compétences techniques', 'Savoir-faire'],
    Languages: ['Langues', 'Compétences linguistiques'],
    Certifications: ['Certifications', 'Certificats'],
    Publications: ['Publications'],
    Referees: ['Références'],
  },
  de: {
    PersonalDetails: ['Persönliche Daten', 'Kontakt'],
    Summary: ['Profil', 'Kurzprofil', 'Über mich'],
    objective: ['Berufsziel'],
    WorkExperience: ['Berufserfahrung', 'Beruflicher Werdegang', 'Praxiserfahrung'],
    Education: ['Ausbildung', 'Bildungsweg', 'Studium und Ausbildung'],
    Skills: ['Kenntnisse', 'Fähigkeiten', 'Fachkenntnisse'],
    Languages: ['Sprachen', 'Sprachkenntnisse'],
    Certifications: ['Zertifikate', 'Weiterbildungen', 'Zertifizierungen'],
    Publications: ['Veröffentlichungen', 'Publikationen'],
    Referees: ['Referenzen'],
  },
  es: {
    PersonalDetails: ['Datos personales', 'Contacto'],
    Summary: ['Perfil', 'Perfil profesional', 'Resumen'],
    objective: ['Objetivo profesional'],
    WorkExperience: ['Experiencia laboral', 'Experiencia profesional', 'Trayectoria profesional'],
    Education: ['Formación académica', 'Formación', 'Educación'],
    Skills: ['Habilidades', 'Competencias', 'Conocimientos técnicos'],
    Languages: ['Idiomas'],
    Certifications: ['Certificaciones', 'Certificados'],
    Publications: ['Publicaciones'],
    Referees: ['Referencias'],
  },
  pt: {
    PersonalDetails: ['Dados pessoais', 'Contato'],
    Summary: ['Perfil', 'Resumo profissional', 'Sobre mim'],
    objective: ['Objetivo profissional'],
    WorkExperience: ['Experiência profissional', 'Histórico profissional'],
    Education: ['Formação acadêmica', 'Educação', 'Formação'],
    Skills: ['Competências', 'Habilidades', 'Conhecimentos'],
    Languages: ['Idiomas', 'Línguas'],
    Certifications: ['Certificações', 'Certificados'],
    Publications: ['Publicações'],
    Referees: ['Referências'],
  },
  it: {
    PersonalDetails: ['Dati personali', 'Contatti'],
    Summary: ['Profilo', 'Profilo professionale', 'Chi sono'],
    objective: ['Obiettivo professionale'],
    WorkExperience: ['Esperienza lavorativa', 'Esperienze professionali'],
    Education: ['Istruzione', 'Istruzione e formazione', 'Formazione'],
    Skills: ['Competenze', 'Capacità e competenze', 'Competenze tecniche'],
    Languages: ['Lingue', 'Conoscenze linguistiche'],
    Certifications: ['Certificazioni', 'Attestati'],
    Publications: ['Pubblicazioni'],
    Referees: ['Referenze'],
  },
  nl: {
    PersonalDetails: ['Persoonlijke gegevens', 'Contactgegevens'],
    Summary: ['Profiel', 'Samenvatting', 'Over mij'],
    objective: ['Doelstelling'],
    WorkExperience: ['Werkervaring', 'Loopbaan', 'Professionele ervaring'],
    Education: ['Opleiding', 'Opleidingen'],
    Skills: ['Vaardigheden', 'Competenties', 'Kennis en vaardigheden'],
    Languages: ['Talen', 'Talenkennis'],
    Certifications: ['Certificaten', 'Certificeringen', 'Cursussen'],
    Publications: ['Publicaties'],
    Referees: ['Referenties'],
  },
};

const SECTIONS: SectionType[] = ['PersonalDetails', 'Summary', 'WorkExperience', 'Education', 'Skills', 'Languages', 'Certifications', 'Publications', 'Referees'];

export type Casing = 'title' | 'upper' | 'sentence';

function applyCase(s: string, casing: Casing): string {
  if (casing === 'upper') return s.toLocaleUpperCase('en');
  if (casing === 'sentence') return s.charAt(0) + s.slice(1).replace(/\b([A-Z])([a-z])/g, (_m, a: string, b: string) => a.toLowerCase() + b);
  return s;
}

/** The headings of one document: one wording per section type, one casing for all. */
export function chooseHeadings(rng: Rng, lang: HeadingLang, objective: boolean, casing: Casing, academic: boolean): Record<SectionType, string> {
  const out = {} as Record<SectionType, string>;
  for (const s of SECTIONS) {
    let pool: string[];
    if (lang === 'en') pool = s === 'Summary' && objective ? OBJECTIVE_EN : EN[s];
    else pool = s === 'Summary' && objective ? FOREIGN[lang].objective : FOREIGN[lang][s];
    let pick = rng.pick(pool);
    if (lang === 'en' && academic && s === 'WorkExperience') pick = rng.pick(['Academic Appointments', 'Appointments', 'Employment History', 'Research and Teaching Experience']);
    out[s] = applyCase(pick, lang === 'en' ? casing : casing === 'upper' ? 'upper' : 'title');
  }
  return out;
}

export const HEADING_LANGS: Array<Exclude<HeadingLang, 'en'>> = ['fr', 'de', 'es', 'pt', 'it', 'nl'];

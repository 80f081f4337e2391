/**
 * Qualifications and their level, in the wording of many countries: "B.Tech", "BA (Hons)", "Licence",
 * "Diplom", "Magister", "HND", "A-levels", "Abitur". Levels use Affinda's vocabulary.
 */
export type EducationLevel = 'school' | 'certificate' | 'associates' | 'bachelors' | 'masters' | 'doctoral';

/**
 * Ordered: the first matching rule wins, so higher and more specific wordings come first. Each rule has
 * words (any case) and abbreviations (case-sensitive, so "MS" is a degree but "as" is not "A.S.").
 */
const RULES: [RegExp, RegExp | null, EducationLevel][] = [
  [/\b(doctor of|doctorate|doctoral|doktor|doctorat|dottorato|doctorado|doutorado|promotie)\b/i, /\b(Ph\.?\s?D|PHD|D\.?\s?Phil|Ed\.?D|DBA|Dr\.?\s?(rer|phil|ing|med)\b)/, 'doctoral'],
  [/\b(m\.?\s?tech|m[-.]tech|mtech|m\.com|m\.sc|pgdbm|pgdm|post ?graduate diploma|master'?s?|masters|magister|mast[eè]re|m[aá]ster|mestrado|laurea magistrale|diplom[-\s]?(ing(?:enieur)?|kaufmann|kauffrau|volkswirt|informatiker|psychologe)|postgraduate degree)\b/i, /\b(M\.?\s?Sc|MS|M\.S|M\.?\s?A|MBA|M\.?\s?Eng|M\.?\s?Phil|LL\.?\s?M|M\.?P\.?H|MPH|MFA|M\.?\s?Ed|M\.?\s?Tech|MCA|M\.?\s?Res|M\.?\s?Com|MSN|MPA|MPP|MSW|MArch)\b/, 'masters'],
  [/\b(b\.?\s?tech|b[-.]tech|btech|b\.com|b\.sc|b\.e\b|bachelor'?s?|licence|licenciatura|licenciado|laurea triennale|laurea|undergraduate degree|honours degree)\b/i, /\b(B\.?\s?Sc|BS|B\.S|B\.?\s?A|B\.?\s?Eng|BBA|B\.?\s?Com|B\.?\s?Tech|LL\.?\s?B|BFA|B\.?\s?Ed|B\.E|BE|BCA|BSN|B\.?\s?Pharm|B\.?\s?Arch|Hons)\b/, 'bachelors'],
  [/\b(associate'?s? (degree|of)|associate degree|foundation degree)\b/i, /\b(A\.?A\.?S|AAS|A\.A|A\.S)\b/, 'associates'],
  [/\b(h\.s\.c|s\.s\.c|hsc|ssc|intermediate (?:education|exam|board)|pre[- ]university|puc|10th|12th|high school|secondary school|secondary|a[-\s]?levels?|gcse|o[-\s]?levels?|abitur|hochschulreife|baccalaur[ée]at|bachillerato|maturit[aà]|matura|matric(ulation)?|year 12|leaving certificate|senior school certificate|senior certificate|international baccalaureate)\b/i, /\b(HSC|SSC|CBSE|ICSE|GED|GCE|VWO|HAVO|IB|Class XI?I?|1[02]th|XI?Ith)\b/, 'school'],
  [/\b(diploma|certificate|certification|apprenticeship|vocational|city (and|&) guilds|ausbildung)\b/i, /\b(HND|HNC|NVQ|BTEC|PGCE|Cert\.?\s?(IV|III|II|I)|CAP|BTS|DUT)\b/, 'certificate'],
];

export function educationLevel(text: string): EducationLevel | null {
  for (const [words, abbreviations, level] of RULES) if (words.test(text) || abbreviations?.test(text)) return level;
  return null;
}

/**
 * The words that name the qualification in a longer text, with its level — Affinda's `matchStr`:
 * "Bachelor of Science, Mechanical Engineering, expected" → "Bachelor of Science"; "B.Tech in ECE" → "B.Tech".
 * A "… of …" degree keeps its subject words up to "in", a comma or a bracket.
 */
export function matchDegree(text: string): { match: string; level: EducationLevel } | null {
  for (const [words, abbreviations, level] of RULES) {
    const m = words.exec(text) ?? abbreviations?.exec(text);
    if (!m) continue;
    const subject = /^(?:\s+of)?\s+[\p{L}&.'-]+(?:\s+[\p{L}&.'-]+){0,3}?(?=\s+in\b|\s*[,(;|–—]|\s+-\s|\s*$)/iu.exec(text.slice(m.index + m[0].length));
    const ofDegree = /^(bachelor|master|doctor|associate)/i.test(m[0]) && (/\bof$/i.test(m[0]) || /^\s+of\b/i.test(subject?.[0] ?? ''));
    return { match: (m[0] + (ofDegree && subject ? subject[0] : '')).trim(), level };
  }
  return null;
}

/** How much a text looks like the name of a qualification, 0..1. */
export function degreeScore(text: string): number {
  if (!educationLevel(text)) return 0;
  // "Diploma" inside a school's name ("Diploma College") is weaker than a leading degree word.
  return /^(bachelor|master|doctor|associate|b\.|m\.|ph|diploma|certificate|advanced|higher|level|postgraduate|graduate)/i.test(text.trim()) ? 0.95 : 0.75;
}

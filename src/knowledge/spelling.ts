/**
 * One spelling for words that British and American English write differently, so that "Organisational
 * Development Manager" meets O*NET's "Organizational Development Manager" and "Paediatric Nurse" meets
 * "Pediatric Nurse". Keys of job titles and skills go through it on both sides (taxonomy and résumé);
 * the American form is the one kept because O*NET, the larger source, uses it.
 */

/** Whole words whose difference no rule below captures. */
const WORDS: Record<string, string> = {
  programme: 'program', programmes: 'programs', catalogue: 'catalog', dialogue: 'dialog', analogue: 'analog',
  cheque: 'check', cheques: 'checks', tyre: 'tire', tyres: 'tires', kerb: 'curb', grey: 'gray', mould: 'mold',
  moulding: 'molding', moulder: 'molder', moulders: 'molders', plough: 'plow', aluminium: 'aluminum',
  sulphur: 'sulfur', licence: 'license', licences: 'licenses', defence: 'defense', offence: 'offense',
  practise: 'practice', storey: 'story', jewellery: 'jewelry', jeweller: 'jeweler', jewellers: 'jewelers',
  draught: 'draft', draughtsman: 'drafter', draughtsperson: 'drafter', draughtsmen: 'drafters',
  draughtspersons: 'drafters', enrolment: 'enrollment', fulfilment: 'fulfillment', ageing: 'aging',
  manoeuvre: 'maneuver', sceptic: 'skeptic', pyjamas: 'pajamas', artefact: 'artifact', axe: 'ax',
};

/** Stems that double a final l before -ing/-er/-ed/-or in British spelling only ("counsellor", "modelling"). */
const DOUBLE_L = /^(counsel|travel|model|label|cancel|fuel|signal|jewel|channel|tunnel|level|marshal|panel|dial|enrol|instal)l(ing|ed|er|ers|or|ors)$/;
/** British -our words whose American form is -or ("labour", "behaviour"). */
const OUR = /^(labo|colo|behavio|hono|harbo|neighbo|favo|vapo|rumo|savio|humo|odo|flavo|endeavo|armo|parlo|tumo)ur(s|ed|er|ers|ing|ist|ists|al|able|ite)?$/;
/** British -tre words whose American form is -ter ("centre", "theatre"). */
const TRE = /^(cen|thea|me|li|fib|calib|spec|sepul|lus|mean|sabre)tre(s|d)?$/;
/** Medical and scientific words written with ae/oe in British English. */
const AE = /^(p|orthop|gyn|h|an|leuk|encyclop|arch|pal|c)(ae)(diatric|diatrics|diatrician|dic|dics|colog|mat|mo|sthe|mia|dia|olog|ontolog|sar)/;
const OE = /^(oe)(sophag|strogen|dema)|^(f)(oe)(t)|^(diarrh|amenorrh|gonorrh)(oea)$/;
/** -ise/-isation verbs and nouns spelt -ize/-ization in American English (not "advise", "supervise"…). */
const ISE = /^(organ|real|special|author|optim|util|normal|visual|priorit|recogn|minim|maxim|categor|standard|summar|capital|central|custom|digit|econom|emphas|familiar|final|general|harmon|hospital|ideal|industrial|item|legal|local|memor|mobil|modern|monet|neutral|penal|personal|polar|popular|random|rational|revolution|sanit|scrutin|social|stabil|steril|subsid|symbol|synchron|tokenis|vaporis|western|critic|apolog|fertil|immun|ion|magnet|material|character|computer|commercial|containeri|decentral|hospitalis|incentiv|internal|monopol|patron|publicis)is(e|es|ed|er|ers|ing|ation|ations|ational)$/;
/** -yse verbs spelt -yze ("analyse" → "analyze"). */
const YSE = /^(anal|paral|catal|electrol|hydrol|dial)ys(e|es|ed|er|ers|ing)$/;

/** The American spelling of one lower-case word (unchanged when the spellings agree). */
export function americanSpelling(word: string): string {
  if (Object.hasOwn(WORDS, word)) return WORDS[word]!;
  let m: RegExpExecArray | null;
  if ((m = DOUBLE_L.exec(word))) return `${m[1]}${m[2]}`;
  if ((m = OUR.exec(word))) return `${m[1]}r${m[2] ?? ''}`;
  if ((m = TRE.exec(word))) return `${m[1]}ter${m[2] ?? ''}`;
  if ((m = ISE.exec(word))) return `${m[1]}iz${m[2]}`;
  if ((m = YSE.exec(word))) return `${m[1]}yz${m[2]}`;
  if (AE.test(word)) return word.replace(/ae/, 'e');
  if (OE.test(word)) return word.replace(/oe/, 'e');
  return word;
}

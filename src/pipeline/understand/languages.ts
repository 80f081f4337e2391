/**
 * Spoken languages named in a line of a languages section ("English (native), French – C1, Deutsch: B2").
 *
 * Names follow Affinda's English language names (ResumeData.languages x-known-values) where it has one,
 * with ISO 639-1 codes; native names ("Deutsch", "Español") map to the English name. Programming languages
 * are not in the table, so "Java" or "Go" are never reported.
 */

export interface LanguageMatch {
  name: string;
  code: string;
  index: number;
  length: number;
}

/**
 * `English name:code:printed variants`. A printed variant reports the English name, except the Chinese
 * varieties, which Affinda and résumés keep apart ("Mandarin", "Cantonese", "Chinese").
 */
const LANGUAGES = [
  'English:en', 'French:fr:Français|Francais', 'German:de:Deutsch', 'Spanish:es:Español|Espanol|Castellano|Castilian',
  'Italian:it:Italiano', 'Portuguese:pt:Português|Portugues|Brazilian Portuguese', 'Dutch:nl:Nederlands|Flemish|Vlaams',
  'Russian:ru:Русский|Russkiy', 'Polish:pl:Polski', 'Ukrainian:uk:Українська', 'Czech:cs:Čeština|Cestina',
  'Slovak:sk:Slovenčina', 'Hungarian:hu:Magyar', 'Romanian:ro:Română|Romana', 'Bulgarian:bg', 'Croatian:hr:Hrvatski',
  'Serbian:sr:Srpski', 'Bosnian:bs', 'Slovene:sl:Slovenian|Slovenščina', 'Greek:el:Ελληνικά', 'Turkish:tr:Türkçe|Turkce',
  'Arabic:ar:العربية', 'Hebrew:he:Ivrit|עברית', 'Persian:fa:Farsi|فارسی', 'Dari:fa', 'Urdu:ur', 'Hindi:hi:हिन्दी|हिंदी',
  'Bengali:bn:Bangla|বাংলা', 'Punjabi:pa:Panjabi', 'Gujarati:gu:Gujerati', 'Marathi:mr', 'Tamil:ta:தமிழ்',
  'Telugu:te', 'Kannada:kn', 'Malayalam:ml', 'Oriya:or:Odia', 'Nepali:ne', 'Sinhala:si:Sinhalese', 'Assamese:as',
  'Sindhi:sd', 'Kashmiri:ks', 'Mandarin:zh:Mandarin Chinese|Putonghua|普通话', 'Cantonese:zh:粵語|广东话',
  'Chinese:zh:中文|Hokkien', 'Japanese:ja:日本語|Nihongo', 'Korean:ko:한국어', 'Vietnamese:vi:Tiếng Việt|Tieng Viet',
  'Thai:th', 'Indonesian:id:Bahasa Indonesia|Bahasa', 'Malay:ms:Bahasa Melayu|Bahasa Malaysia|Malaysian',
  'Tagalog:tl', 'Filipino:tl', 'Swahili:sw:Kiswahili', 'Amharic:am', 'Somali:so', 'Yoruba:yo',
  'Igbo:ig', 'Hausa:ha', 'Zulu:zu:isiZulu', 'Xhosa:xh:isiXhosa', 'Afrikaans:af', 'Sotho:st:Sesotho', 'Tswana:tn:Setswana',
  'Shona:sn', 'Swedish:sv:Svenska', 'Norwegian:no:Norsk', 'Danish:da:Dansk', 'Finnish:fi:Suomi', 'Icelandic:is',
  'Irish:ga:Gaeilge|Irish Gaelic', 'Welsh:cy:Cymraeg', 'Gaelic:gd:Scottish Gaelic|Gàidhlig', 'Catalan:ca:Català',
  'Basque:eu:Euskara', 'Galician:gl', 'Latvian:lv', 'Lithuanian:lt', 'Estonian:et', 'Albanian:sq:Shqip',
  'Macedonian:mk', 'Armenian:hy', 'Georgian:ka', 'Azerbaijani:az:Azeri', 'Kazakh:kk', 'Uzbek:uz', 'Mongolian:mn',
  'Burmese:my', 'Khmer:km:Cambodian', 'Lao:lo', 'Pashto:ps', 'Kurdish:ku', 'Latin:la', 'Esperanto:eo',
  'Luxembourgish:lb', 'Maltese:mt', 'Yiddish:yi', 'Kreyol:ht:Haitian Creole', 'Tibetan:bo', 'Tigrinya:ti',
  'Oromo:om', 'Lingala:ln', 'Kinyarwanda:rw', 'Malagasy:mg', 'Faroese:fo', 'Frisian:fy', 'Belarusian:be',
];

interface Entry {
  name: string;
  code: string;
  /** The form starts with a capital in the table ("Polish"), so a lower-case "polish" is not it. */
  capitalised: boolean;
}

let table: { pattern: RegExp; byForm: Map<string, Entry> } | null = null;

/** One alternation of every printed form, longest first so "Mandarin Chinese" wins over "Chinese". */
function languageTable(): { pattern: RegExp; byForm: Map<string, Entry> } {
  if (table) return table;
  const byForm = new Map<string, Entry>();
  for (const spec of LANGUAGES) {
    const [name, code, variants] = spec.split(':') as [string, string, string | undefined];
    for (const form of [name, ...(variants ? variants.split('|') : [])]) {
      byForm.set(form.toLowerCase(), { name, code, capitalised: /^\p{Lu}/u.test(form) });
    }
  }
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  table = { pattern: new RegExp(`(?<![\\p{L}\\p{M}])(?:${forms.join('|')})(?![\\p{L}\\p{M}])`, 'giu'), byForm };
  return table;
}

/** The spoken languages a line names, each once, in printed order. */
export function findLanguages(text: string): LanguageMatch[] {
  const { pattern, byForm } = languageTable();
  // Language names are capitalised in English; "polish the design" is not Polish. All-lower-case lines
  // ("english, french") are taken as they are.
  const anyCapital = /\p{Lu}/u.test(text);
  const out: LanguageMatch[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(pattern)) {
    const printed = m[0];
    const entry = byForm.get(printed.toLowerCase());
    if (!entry || seen.has(entry.name)) continue;
    if (anyCapital && entry.capitalised && /^\p{Ll}/u.test(printed)) continue;
    seen.add(entry.name);
    out.push({ name: entry.name, code: entry.code, index: m.index!, length: printed.length });
  }
  return out;
}

/**
 * The industry of an employer, for `workExperience[].industry`: read from the words of the organisation's name
 * ("Northwind Freight Systems" → Logistics and Transportation), else from an occupation that belongs to one
 * industry (a nurse works in health care). Unknown stays null: a brand ("Nike"), a generic name ("Acme Corp",
 * "Globex Solutions") and a generic job say nothing. The job's description is not used: it tells what the person
 * did (logistics at a sportswear firm), not what the employer does.
 *
 * The names are a short list in the manner of the industry vocabularies recruiting tools use (LinkedIn's, NAICS
 * sectors), not any one of them: a first-level grouping that a person filtering candidates would recognise.
 * Cues are whole words, matched case-insensitively; the first industry whose cue a name holds wins, so the list
 * runs from the most telling cues ("hospital", "bank") to the most generic ("systems", "technologies").
 */

export type Industry = (typeof INDUSTRIES)[number]['name'];

interface IndustryCues {
  name: string;
  /** Words that, in an organisation's name, say what it does. */
  cues: string[];
}

const INDUSTRIES = [
  {
    name: 'Hospital and Health Care',
    cues: ['hospital', 'hospitals', 'health', 'healthcare', 'medical', 'clinic', 'clinics', 'nhs', 'dental', 'care home', 'nursing home', 'hospice', 'krankenhaus', 'klinik', 'klinikum', 'hôpital', 'clinique', 'ospedale', 'ziekenhuis', 'hospitais'],
  },
  {
    name: 'Pharmaceuticals and Biotechnology',
    cues: ['pharma', 'pharmaceutical', 'pharmaceuticals', 'biotech', 'biotechnology', 'biosciences', 'therapeutics', 'life sciences', 'biologics', 'diagnostics'],
  },
  {
    name: 'Education',
    cues: ['university', 'institute of technology', 'institute of science', 'college', 'school', 'schools', 'academy', 'polytechnic', 'education', 'educational', 'kindergarten', 'preschool', 'tutoring',
      'universität', 'hochschule', 'fachhochschule', 'gymnasium', 'schule', 'université', 'lycée', 'école', 'universidad', 'escuela', 'colegio',
      'università', 'scuola', 'liceo', 'universidade', 'escola', 'universiteit', 'hogeschool'],
  },
  {
    name: 'Government and Public Administration',
    cues: ['ministry', 'government', 'council', 'municipality', 'federal', 'parliament', 'embassy', 'department of', 'city of', 'county of', 'state of', 'public service', 'police', 'customs', 'ministerium', 'bundesamt', 'ministère', 'ayuntamiento', 'gemeente', 'comune'],
  },
  {
    name: 'Armed Forces',
    cues: ['army', 'navy', 'air force', 'armed forces', 'marine corps', 'royal marines', 'military'],
  },
  {
    name: 'Banking and Financial Services',
    cues: ['bank', 'banking', 'bancorp', 'capital', 'securities', 'financial', 'finance', 'investments', 'investment', 'asset management', 'credit union', 'wealth', 'payments', 'fintech', 'lending', 'mortgage', 'brokerage', 'trading', 'banque', 'banca', 'banco', 'sparkasse', 'volksbank'],
  },
  {
    name: 'Insurance',
    cues: ['insurance', 'assurance', 'underwriters', 'underwriting', 'reinsurance', 'versicherung', 'versicherungen', 'assurances', 'seguros', 'assicurazioni', 'verzekeringen'],
  },
  {
    name: 'Accounting',
    cues: ['accountants', 'accounting', 'audit', 'chartered accountants', 'cpa', 'cpas', 'tax advisers'],
  },
  {
    name: 'Legal Services',
    cues: ['law', 'legal services', 'solicitors', 'attorneys', 'barristers', 'advocates', 'law firm', 'chambers'],
  },
  {
    name: 'Staffing and Recruiting',
    cues: ['recruitment', 'recruiting', 'staffing', 'talent', 'headhunters', 'employment agency', 'personnel'],
  },
  {
    name: 'Telecommunications',
    cues: ['telecom', 'telecoms', 'telecommunications', 'wireless', 'mobile', 'networks', 'cellular', 'broadband', 'telco'],
  },
  {
    name: 'Aerospace and Defense',
    cues: ['aerospace', 'defense', 'defence', 'avionics', 'space'],
  },
  {
    name: 'Automotive',
    cues: ['automotive', 'motors', 'motor', 'auto', 'autos', 'cars', 'vehicles'],
  },
  {
    name: 'Logistics and Transportation',
    cues: ['logistics', 'freight', 'shipping', 'transport', 'transportation', 'airlines', 'airline', 'airways', 'aviation', 'rail', 'railway', 'railways', 'courier', 'couriers', 'delivery', 'supply chain', 'trucking', 'haulage', 'cargo', 'ports', 'maritime'],
  },
  {
    name: 'Energy and Utilities',
    cues: ['energy', 'oil', 'gas', 'petroleum', 'power', 'electric', 'electricity', 'utilities', 'utility', 'water', 'solar', 'renewables', 'renewable', 'wind', 'nuclear'],
  },
  {
    name: 'Mining and Metals',
    cues: ['mining', 'mines', 'minerals', 'metals', 'steel'],
  },
  {
    name: 'Construction and Real Estate',
    cues: ['construction', 'builders', 'building', 'contractors', 'properties', 'property', 'real estate', 'realty', 'homes', 'housing', 'architects', 'architecture', 'engineering and construction', 'developments', 'contracting'],
  },
  {
    name: 'Retail',
    cues: ['retail', 'retailers', 'stores', 'store', 'supermarket', 'supermarkets', 'shop', 'shops', 'mart', 'outlet', 'outlets', 'boutique', 'department store', 'grocery', 'groceries', 'wholesale', 'e-commerce', 'ecommerce'],
  },
  {
    name: 'Hospitality and Food Service',
    cues: ['hotel', 'hotels', 'resort', 'resorts', 'restaurant', 'restaurants', 'cafe', 'café', 'catering', 'caterers', 'hospitality', 'bistro', 'grill', 'bakery', 'inn', 'casino'],
  },
  {
    name: 'Food and Beverages',
    cues: ['foods', 'food', 'beverages', 'beverage', 'brewery', 'brewing', 'dairy', 'bottling', 'winery', 'distillery'],
  },
  {
    name: 'Agriculture',
    cues: ['farms', 'farming', 'agriculture', 'agricultural', 'agri', 'agro', 'seeds', 'livestock', 'plantation', 'plantations'],
  },
  {
    name: 'Media and Entertainment',
    cues: ['media', 'publishing', 'publishers', 'news', 'newspaper', 'press', 'studios', 'studio', 'entertainment', 'broadcasting', 'broadcast', 'television', 'tv', 'radio', 'films', 'film', 'pictures', 'music', 'records', 'games', 'gaming', 'magazine'],
  },
  {
    name: 'Marketing and Advertising',
    cues: ['marketing', 'advertising', 'creative agency', 'digital agency', 'pr', 'public relations', 'branding'],
  },
  {
    name: 'Non-profit',
    cues: ['foundation', 'charity', 'charitable', 'ngo', 'non-profit', 'nonprofit', 'not-for-profit', 'red cross', 'relief', 'volunteers'],
  },
  {
    name: 'Research',
    cues: ['research', 'laboratory', 'laboratories', 'institute'],
  },
  {
    name: 'Management Consulting',
    cues: ['consulting', 'consultants', 'consultancy', 'advisory', 'advisors', 'advisers'],
  },
  {
    name: 'Manufacturing',
    cues: ['manufacturing', 'manufacturers', 'industries', 'industrial', 'mills', 'plastics', 'chemicals', 'chemical', 'textiles', 'packaging', 'machinery', 'electronics', 'semiconductors', 'semiconductor', 'components', 'equipment'],
  },
  {
    name: 'Information Technology and Software',
    cues: ['software', 'technologies', 'technology', 'systems', 'digital', 'data', 'cloud', 'computing', 'computers', 'computer', 'it services', 'infotech', 'informatics', 'analytics', 'cyber', 'labs', 'internet', 'online', 'web', 'apps', 'ai', 'robotics', 'saas', 'infosystems', 'information technology'],
  },
] as const satisfies readonly IndustryCues[];

/** A cue as a whole-word pattern: "bar" is not in "Barclays", "ai" not in "Air". */
function cuePattern(cues: readonly string[]): RegExp {
  const escaped = cues.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

const PATTERNS = INDUSTRIES.map((i) => ({ name: i.name, pattern: cuePattern(i.cues) }));

/**
 * Industries of whole UK SOC 2010 groups (by the code's leading digits): occupations practised in one industry,
 * whoever the employer. Teachers in 231x–232x, health professionals 221x–223x, nursing auxiliaries 6141,
 * police and armed forces 3311–3313, legal professionals 241x.
 */
const SOC_INDUSTRIES: Array<[prefix: string, industry: Industry]> = [
  ['221', 'Hospital and Health Care'],
  ['222', 'Hospital and Health Care'],
  ['223', 'Hospital and Health Care'],
  ['321', 'Hospital and Health Care'],
  ['6141', 'Hospital and Health Care'],
  ['231', 'Education'],
  ['232', 'Education'],
  ['3311', 'Armed Forces'],
  ['3312', 'Government and Public Administration'],
  ['241', 'Legal Services'],
];

/** The industry an organisation's name says, or null. */
export function industryOfName(organization: string): Industry | null {
  for (const { name, pattern } of PATTERNS) if (pattern.test(organization)) return name;
  return null;
}

export function industryOfSoc(socCode: string | null): Industry | null {
  if (!socCode) return null;
  return SOC_INDUSTRIES.find(([prefix]) => socCode.startsWith(prefix))?.[1] ?? null;
}

/** The employer's industry: by its name, else by the occupation's SOC group. */
export function industryOf(job: { organization: string | null; socCode: string | null }): Industry | null {
  return (job.organization ? industryOfName(job.organization) : null) ?? industryOfSoc(job.socCode);
}


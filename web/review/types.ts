/** The parts of Affinda's Resume the review page reads and edits (src/affinda/types.ts is the whole of it). */
export interface Name { raw: string; first: string; last: string; middle: string; title: string }
export interface Location { formatted: string | null; rawInput: string; [key: string]: unknown }
export interface Dates { startDate: string | null; endDate?: string | null; completionDate?: string | null; [key: string]: unknown }
export interface Job { jobTitle: string | null; organization: string | null; jobDescription: string | null; dates: Dates | null; [key: string]: unknown }
export interface School { organization: string | null; accreditation: { education: string | null; [key: string]: unknown } | null; dates: Dates | null; [key: string]: unknown }
export interface Skill { name: string; [key: string]: unknown }
export interface Referee { name: string | null; text: string; email: string | null; number: string | null; position: string | null }
export interface Section { sectionType: string; bbox: number[]; pageIndex: number; text: string }

export interface ResumeData {
  name: Name | null;
  emails: string[];
  phoneNumbers: string[];
  location: Location | null;
  summary: string | null;
  workExperience: Job[];
  education: School[];
  skills: Skill[];
  languages: string[];
  certifications: string[];
  referees: Referee[];
  sections: Section[];
}

export interface Page { pageIndex: number; image: string | null; width: number; height: number }

/** Where each value is printed (src/service/review/boxes.ts): points from the top left of the page's image. */
export interface ValueBox { path: string; pageIndex: number; bbox: number[] }
export interface ReviewBoxes { unit: 'pt'; pages: { pageIndex: number; width: number; height: number }[]; boxes: ValueBox[] }

export interface Resume {
  data: ResumeData | null;
  meta: { identifier: string; fileName: string | null; isVerified: boolean; isOcrd: boolean; pages: Page[] };
  /** Only on the review page's endpoints; null when the document's provenance is not known. */
  review?: ReviewBoxes | null;
}

/**
 * Affinda's ResumeData → an HR-XML 2.5 `Candidate` document (namespace http://ns.hr-xml.org/2007-04-15), the
 * format Affinda's `?format=hr-xml` answers in and that applicant-tracking systems import. Pure: data in, text out.
 *
 * The candidate's personal data goes in `CandidateProfile/PersonalData`; the résumé in
 * `Resume/StructuredXMLResume`, its children in the order the 2.5 schema prescribes (ContactInfo,
 * ExecutiveSummary, Objective, EmploymentHistory, EducationHistory, LicensesAndCertifications,
 * PublicationHistory, Qualifications, Languages, References). Elements whose value is unknown are left out.
 */
import type { Location, ResumeData } from '../affinda/types.ts';

export const HR_XML_NAMESPACE = 'http://ns.hr-xml.org/2007-04-15';

/** XML-escapes text; characters XML 1.0 cannot hold (most C0 controls) are dropped. */
function esc(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** `<Name>text</Name>`, or nothing when the text is empty. */
const el = (name: string, text: string | null | undefined): string => (text && text.trim() ? `<${name}>${esc(text.trim())}</${name}>` : '');
/** `<Name>children</Name>`, or nothing when there are no children. */
const wrap = (name: string, children: string, attrs = ''): string => (children ? `<${name}${attrs}>${children}</${name}>` : '');

/** HR-XML dates: AnyDate for a full date, YearMonth or Year when that is all that was printed; "current" for an open end. */
function date(name: string, iso: string | null | undefined, current = false): string {
  if (current) return wrap(name, el('StringDate', 'current'));
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return '';
  return wrap(name, el('YearMonth', iso.slice(0, 7)));
}

function postalAddress(loc: Location | null): string {
  if (!loc) return '';
  const street = [loc.streetNumber, loc.street].filter(Boolean).join(' ');
  return wrap(
    'PostalAddress',
    el('CountryCode', loc.countryCode) + el('PostalCode', loc.postalCode) + el('Region', loc.state) + el('Municipality', loc.city) + wrap('DeliveryAddress', el('AddressLine', street)),
  );
}

function personName(d: ResumeData): string {
  const n = d.name;
  if (!n?.raw) return '';
  return wrap('PersonName', el('FormattedName', n.raw) + el('GivenName', n.first) + el('MiddleName', n.middle) + el('FamilyName', n.last) + el('Affix', n.title));
}

function contactMethods(d: ResumeData): string {
  const methods = [
    ...d.phoneNumbers.map((p) => wrap('ContactMethod', wrap('Telephone', el('FormattedNumber', p)))),
    ...d.emails.map((e) => wrap('ContactMethod', el('InternetEmailAddress', e))),
    ...d.websites.map((w) => wrap('ContactMethod', el('InternetWebAddress', w))),
  ];
  const address = postalAddress(d.location);
  if (address) methods.push(wrap('ContactMethod', address));
  return methods.join('');
}

function employmentHistory(d: ResumeData): string {
  return wrap(
    'EmploymentHistory',
    d.workExperience
      .map((w) =>
        wrap(
          'EmployerOrg',
          el('EmployerOrgName', w.organization ?? 'Unknown') +
            wrap(
              'PositionHistory',
              el('Title', w.jobTitle) +
                wrap('OrgName', el('OrganizationName', w.organization)) +
                el('Description', w.jobDescription) +
                date('StartDate', w.dates?.startDate) +
                date('EndDate', w.dates?.endDate, w.dates?.isCurrent ?? false) +
                wrap('JobCategory', el('TaxonomyName', w.occupation?.classification ? 'SOC' : null) + el('CategoryCode', w.socCode)),
            ),
        ),
      )
      .join(''),
  );
}

function educationHistory(d: ResumeData): string {
  return wrap(
    'EducationHistory',
    d.education
      .map((e) =>
        wrap(
          'SchoolOrInstitution',
          wrap('School', el('SchoolName', e.organization ?? 'Unknown')) +
            postalAddress(e.location) +
            wrap(
              'Degree',
              el('DegreeName', e.accreditation?.education) +
                date('DegreeDate', e.dates?.completionDate) +
                wrap('DatesOfAttendance', date('StartDate', e.dates?.startDate) + date('EndDate', e.dates?.completionDate, e.dates?.isCurrent ?? false)) +
                el('Comments', e.grade?.raw),
              e.accreditation?.educationLevel ? ` degreeType="${esc(e.accreditation.educationLevel)}"` : '',
            ),
          ' schoolType="university"',
        ),
      )
      .join(''),
  );
}

/** The whole résumé as an HR-XML 2.5 Candidate document. */
export function toHrXml(d: ResumeData): string {
  const structured =
    wrap('ContactInfo', personName(d) + contactMethods(d)) +
    el('ExecutiveSummary', d.summary) +
    el('Objective', d.objective) +
    employmentHistory(d) +
    educationHistory(d) +
    wrap('LicensesAndCertifications', d.certifications.map((c) => wrap('LicenseOrCertification', el('Name', c))).join('')) +
    wrap('PublicationHistory', d.publications.map((p) => wrap('Article', el('Title', p))).join('')) +
    wrap('Qualifications', d.skills.map((s) => `<Competency name="${esc(s.name)}"/>`).join('')) +
    wrap('Languages', d.languageCodes.map((code) => wrap('Language', el('LanguageCode', code))).join('')) +
    wrap('References', d.referees.filter((r) => r.name).map((r) => wrap('Reference', wrap('PersonName', el('FormattedName', r.name)) + el('PositionTitle', r.position) + wrap('ContactMethod', el('InternetEmailAddress', r.email)) + wrap('ContactMethod', wrap('Telephone', el('FormattedNumber', r.number))))).join(''));
  const personal = wrap('PersonalData', personName(d) + contactMethods(d));
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Candidate xmlns="${HR_XML_NAMESPACE}">` +
    wrap('CandidateProfile', personal) +
    `<Resume><StructuredXMLResume>${structured}</StructuredXMLResume></Resume>` +
    `</Candidate>\n`
  );
}

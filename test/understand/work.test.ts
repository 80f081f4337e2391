import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../../src/pipeline/pipeline.ts';

const referenceDate = new Date('2026-11-15T00:00:00Z');
const parse = async (text: string) => {
  const r = await runPipeline(new TextEncoder().encode(text), { referenceDate });
  assert.equal(r.error, null);
  return r.data!;
};

test('title | employer | place, dates on the next line, bullets', async () => {
  const d = await parse(`JANE DOE
jane@example.com

EXPERIENCE

Territory Sales Manager | Hilton | McLean, VA
Feb 2023 - Current
* Built a pipeline of 5,000 qualified leads
* Generated $750K in new business revenue

Sales Associate | Progressive Insurance | Mayfield Village
Nov 2019 - Nov 2022
* Exceeded annual sales targets by 30%
`);
  assert.equal(d.workExperience.length, 2);
  const [a, b] = d.workExperience;
  assert.equal(a!.jobTitle, 'Territory Sales Manager');
  assert.equal(a!.organization, 'Hilton');
  assert.equal(a!.dates!.startDate, '2023-02-01');
  assert.equal(a!.dates!.isCurrent, true);
  assert.equal(a!.dates!.endDate, null);
  assert.equal(b!.jobTitle, 'Sales Associate');
  assert.equal(b!.organization, 'Progressive Insurance');
  assert.equal(b!.dates!.endDate, '2022-11-01');
  assert.equal(b!.jobDescription, 'Exceeded annual sales targets by 30%');
  assert.equal(d.profession, 'Territory Sales Manager');
});

test('employer first, "Title, Employer", company-first entries and multi-role employers', async () => {
  const d = await parse(`Max Mustermann

Work History

Welder, Goldbeck | Bielefeld
01/2025 — 04/2026
• Trained 7 apprentices in safe work practices

Acme Corporation
Senior Software Engineer | 2021 – Present
• Led the platform team
Software Engineer | 2018 – 2021
• Built the billing service
`);
  const titles = d.workExperience.map((w) => w.jobTitle);
  const orgs = d.workExperience.map((w) => w.organization);
  assert.deepEqual(titles, ['Welder', 'Senior Software Engineer', 'Software Engineer']);
  assert.deepEqual(orgs, ['Goldbeck', 'Acme Corporation', 'Acme Corporation']);
  assert.equal(d.workExperience[1]!.dates!.isCurrent, true);
  assert.equal(d.workExperience[2]!.dates!.startDate?.slice(0, 4), '2018');
});

test('total years of experience is the union of periods', async () => {
  const d = await parse(`Sam Lee

EXPERIENCE
Engineer | Alpha Ltd
Jan 2020 - Dec 2021
Analyst | Beta GmbH
Jan 2021 - Dec 2022
`);
  // Jan 2020 → Dec 2022 with overlap counted once: 35 months.
  assert.equal(d.totalYearsExperience, 2.9);
});

test('"Title, Employer" where the title opens like a verb ("Engineering Cadet") and the employer is plain', async () => {
  const d = await parse(`JANE DOE

WORK EXPERIENCE

Site Engineer, PCL Construction
Jan 2025 - Present
Prepared stormwater and drainage designs in AutoCAD for residential subdivisions

Engineering Cadet, Suncor Energy
Nov 2022 - Nov 2024
Supervised site works and verified construction against drawings
`);
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate]),
    [
      ['Site Engineer', 'PCL Construction', '2025-01-01'],
      ['Engineering Cadet', 'Suncor Energy', '2022-11-01'],
    ],
  );
});

test('a label or a sentence where the other entries have their employer does not become the employer by the vote', async () => {
  const d = await parse(`JANE DOE

EXPERIENCE

Software Engineer
Acme Corp
Jan 2021 - Present

Developer
Globex Ltd
Jan 2019 - Dec 2020

Analyst
management
Jan 2017 - Dec 2018

Consultant
3M
Jan 2015 - Dec 2016
`);
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization]),
    [
      ['Software Engineer', 'Acme Corp'],
      ['Developer', 'Globex Ltd'],
      ['Analyst', null],
      ['Consultant', '3M'],
    ],
  );
});

test('date labels, inline labels and hard-wrapped descriptions are not employers; co-curricular activities is a section', async () => {
  const d = await parse(`Ravi Kumar
ravi.kumar@example.com

WORK EXPERIENCE

Associate Consultant

Northwind Labs

Joining date from: January 25, 2017
Roles and responsibilities:
Developed the high level test strategy for the group's HR applications (viz., Workforce
Management,
Recruitment and Talent Management, Payroll)

Test Manager
Title: Retail Rollout, Period: Oct 2010 - Dec 2011
Planned the system and integration tests for the merchandising system.

Technical and Co-Curricular activities

Star Performer award in 2014.
Paper presentation on robotics.
`);
  const orgs = d.workExperience.map((w) => w.organization);
  assert.ok(orgs.includes('Northwind Labs'), JSON.stringify(orgs));
  for (const wrong of ['Joining date', 'Management', 'Period', 'Retail Rollout, Period']) assert.ok(!orgs.includes(wrong), `${wrong} taken as an employer: ${JSON.stringify(orgs)}`);
  assert.ok(!d.workExperience.some((w) => /Co-Curricular/.test(`${w.jobTitle} ${w.organization}`)), JSON.stringify(d.workExperience.map((w) => [w.jobTitle, w.organization])));
  assert.ok(d.sections.some((s) => s.text.startsWith('Technical and Co-Curricular activities') && s.sectionType !== 'WorkExperience'));
});

test('an entry sub-heading ("Responsibilities", "Roles Played:") opens the description and is no employer', async () => {
  const d = await parse(`Asha Menon
asha.menon@example.com

WORK EXPERIENCE

voice and accent trainer

bright voice academy -  Jaipur, Rajasthan -

October 2014 to February 2015

Responsibilities
Trained the students on their communication skills and customer handling

Technical Architect

Contoso Services

June 2016 - Recently

Roles Played:

Designed the service contracts
`);
  // (A lower-case employer is not trusted as one; what matters is that the label does not take its place.)
  assert.equal(d.workExperience.length, 2);
  assert.ok(!d.workExperience.some((w) => /Responsibilities|Roles Played|Recently/.test(`${w.jobTitle} ${w.organization}`)), JSON.stringify(d.workExperience.map((w) => [w.jobTitle, w.organization])));
  assert.equal(d.workExperience[1]!.organization, 'Contoso Services');
  assert.match(d.workExperience[0]!.jobDescription ?? '', /Trained the students/);
});

test('dates on a line of their own with the job as the first bullet; jobs under a summary heading with no work heading', async () => {
  const bulleted = await parse(`Marta Silva
marta@example.com

EXPERIENCE
Apr 2022 - Present
• Platform Engineer, Northwind Traders
• Generated new business revenue
Jan 2019 - Mar 2022
• Support Analyst, Contoso Bank
• Kept the incident queue under a day
`);
  assert.deepEqual(bulleted.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate]), [
    ['Platform Engineer', 'Northwind Traders', '2022-04-01'],
    ['Support Analyst', 'Contoso Bank', '2019-01-01'],
  ]);
  const headless = await parse(`Marta Silva
marta@example.com

HIGHLIGHTS
Seven years of platform work for retail and banking.
Platform Engineer, Northwind Traders, Lisbon (Apr 2022 - Present)
• Moved the build farm to spot instances
Support Analyst, Contoso Bank, Porto (Jan 2019 - Mar 2022)
• Kept the incident queue under a day
`);
  assert.deepEqual(headless.workExperience.map((w) => [w.jobTitle, w.organization]), [
    ['Platform Engineer', 'Northwind Traders'],
    ['Support Analyst', 'Contoso Bank'],
  ]);
  assert.match(headless.summary ?? '', /Seven years/);
});

test('a clause is neither a title nor an employer; a project line after a complete heading opens the description', async () => {
  const d = await parse(`Tomás Reyes
Lyon - tomas@example.com

WORK EXPERIENCE

Data Clerk

Fabrikam Logistics -

January 2018 to Present

I want a full time position

Software Engineer

Northwind Traders -  Lyon, France -

March 2015 to December 2017

Harbour Billing Portal (Client Project)

Harbour Billing Portal is the module that invoices every container leaving the port, built in Java.
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [
    ['Data Clerk', 'Fabrikam Logistics'],
    ['Software Engineer', 'Northwind Traders'],
  ]);
  assert.match(d.workExperience[1]!.jobDescription ?? '', /Harbour Billing Portal/);
});

test('"Working as a …", "Title in Employer" and "Employer as a Title" heading lines', async () => {
  const d = await parse(`Priya Nair
priya@example.com

WORK EXPERIENCE

Working as a Support Engineer

Contoso Bank -

June 2019 to Present

• Kept the incident queue under a day

Senior Systems Engineer in Fabrikam Technologies Limited

March 2015 to May 2019

• Moved the build farm to spot instances

Tailspin Consulting Pvt Ltd as a Business Analyst

January 2013 to February 2015

• Wrote the requirements of the billing system
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [
    ['Support Engineer', 'Contoso Bank'],
    ['Senior Systems Engineer', 'Fabrikam Technologies Limited'],
    ['Business Analyst', 'Tailspin Consulting Pvt Ltd'],
  ]);
});

test('jobs told in sentences become entries when they name a title and a new employer', async () => {
  const d = await parse(`Anil Kumar
anil@example.com

SUMMARY
• Currently working as a Test Analyst at Fabrikam Systems, Hyderabad
• Worked as Billing Analyst for Contoso Services from March 2013 to June 2013.
• Worked with the Tailspin team as a Developer on the payments module.

WORK EXPERIENCE

Test Analyst

Fabrikam Systems -  Hyderabad, Telangana -

July 2014 to Present

• Wrote and ran the regression suite
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate ?? null, w.dates?.endDate ?? null]), [
    ['Test Analyst', 'Fabrikam Systems', '2014-07-01', null],
    ['Billing Analyst', 'Contoso Services', '2013-03-01', '2013-06-01'],
  ]);
});

test('a table header or a field label is neither a title nor an employer', async () => {
  const d = await parse(`Lena Park
lena@example.com

WORK EXPERIENCE

Technology/Tools used

Data Analyst

Contoso Retail -  Seoul -

March 2016 to Present

• Built the weekly sales dashboards
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [['Data Analyst', 'Contoso Retail']]);
});

test('clauseLike and fieldLabel: sentences and labels are told from names and titles', async () => {
  const { fieldLabel } = await import('../../src/pipeline/understand/work.ts');
  const { clauseLike } = await import('../../src/pipeline/understand/text-shape.ts');
  for (const t of ['Work as much as i can do', 'I want full time jobs', 'Fabrikam had', 'My performance at work', 'Contoso is a leading retailer']) assert.ok(clauseLike(t), t);
  for (const t of ['Senior Software Engineer', 'Our Lady of Lourdes Hospital', 'I Squared Capital', 'Head of What We Build', 'Will & Co']) assert.ok(!clauseLike(t), t);
  for (const t of ['No. Company Role Duration', 'Technology/Tools used', 'Previous Organization/Duration/Roles', 'Other Job Related Activities', 'Resume']) assert.ok(fieldLabel(t), t);
  for (const t of ['Project Manager', 'Contoso Technologies', 'Team Lead']) assert.ok(!fieldLabel(t), t);
});

test('prose under a dated heading is no employer or title, whatever words it holds', async () => {
  const d = await parse(`OLIVER PRATT
oliver.pratt@example.com

WORK EXPERIENCE

Support Analyst
Fabrikam Systems - Leeds
March 2019 to May 2021

Quality services to end users
June 2021 to August 2022
`);
  for (const w of d.workExperience) {
    assert.ok(!/services/.test(w.organization ?? ''), `employer: ${w.organization}`);
    assert.ok(!/services/.test(w.jobTitle ?? ''), `title: ${w.jobTitle}`);
  }
  assert.equal(d.workExperience[0]!.jobTitle, 'Support Analyst');
  assert.equal(d.workExperience[0]!.organization, 'Fabrikam Systems');
});

test('proseWords counts the lower-case words of a sentence, not the joiners of a name', async () => {
  const { proseWords } = await import('../../src/pipeline/understand/text-shape.ts');
  assert.equal(proseWords('Bank of India'), 0);
  assert.equal(proseWords('Marks and Spencer'), 0);
  assert.equal(proseWords('Tailspin Toys'), 0);
  assert.ok(proseWords('Not aligned with Contoso objectives and processes') >= 3);
  assert.ok(proseWords('Reporting and process review at EOD.') >= 2);
});

test('"Title in Employer" and "Job Profile with Employer" heading lines with an employer no word list knows', async () => {
  const { splitEmployerIn } = await import('../../src/pipeline/understand/work.ts');
  const slot = (text: string) => ({ text, line: 0, piece: 0, bold: false, italic: false, source: null as never, start: 100 });
  const split = (t: string) => splitEmployerIn([slot(t)]).map((s) => [s.text, s.start]);
  assert.deepEqual(split('Network Analyst in Wingtip'), [['Network Analyst', 100], ['Wingtip', 119]]);
  assert.deepEqual(split('Job Profile with Northwind'), [['Northwind', 117]]);
  // A longer name when it ends in a legal form.
  assert.deepEqual(split('Job Profile in Wingtip Toys Services India Pvt Ltd'), [['Wingtip Toys Services India Pvt Ltd', 115]]);
  assert.deepEqual(split('Sales Manager in Some Large Town Near The Coast'), [['Sales Manager in Some Large Town Near The Coast', 100]]);
  // Not an employer on the right: a subject, a place, a title word.
  assert.deepEqual(split('Diploma in Nursing'), [['Diploma in Nursing', 100]]);
  assert.deepEqual(split('Engineer in Training'), [['Engineer in Training', 100]]);
  assert.deepEqual(split('Sales Manager in Bangalore'), [['Sales Manager in Bangalore', 100]]);

  const d = await parse(`PRIYA NAIR
priya.nair@example.com

WORK EXPERIENCE

Network Analyst in Wingtip
Chennai, Tamil Nadu
July 2016 to March 2019
• Monitored the firewall estate
`);
  assert.equal(d.workExperience[0]!.jobTitle, 'Network Analyst');
  assert.equal(d.workExperience[0]!.organization, 'Wingtip');
});

test('a legal form opening a line is the tail of a name, and a school is no job title', async () => {
  const d = await parse(`RAVI KUMAR
ravi.kumar@example.com

WORK EXPERIENCE

Systems Engineer
Contoso Software Private
Limited, Hyderabad
June 2014 to May 2017
• Ran the release train
`);
  for (const w of d.workExperience) assert.ok(!/^Limited/.test(w.organization ?? ''), `employer: ${w.organization}`);
});

test('proseWords leaves out a note in brackets', async () => {
  const { proseWords } = await import('../../src/pipeline/understand/text-shape.ts');
  assert.equal(proseWords('Quality Assurance Intern (40 hours per week)'), 0);
});

test('a line of a wrapped list that ends in a comma continues the description; it heads no entry', async () => {
  const d = await parse(`MAYA ROSS
maya.ross@example.com

WORK EXPERIENCE

Shift Supervisor
Contoso Logistics - Leeds
May 2015 to June 2019

• Responsible for administrative duties like reviewing performance
Metrics, managing breaks/lunch (All stations), Shift Changeover
Process and adherence, Policy Reviews and Updates, Supply and equipment requests, OCSM
Hand-over Log, Inventory Control,
Employee Recognition Requests, Disciplinary Actions, Annual
Evaluations, Mentoring and Counselling
• Maintain and share updates on emergency procedures
`);
  assert.equal(d.workExperience.length, 1);
  assert.equal(d.workExperience[0]!.jobTitle, 'Shift Supervisor');
  assert.equal(d.workExperience[0]!.organization, 'Contoso Logistics');
});

test('a full stop after a word, not an abbreviation, ends a sentence: no title or employer', async () => {
  const d = await parse(`LENA PARK
lena.park@example.com

WORK EXPERIENCE

Support Manager
Tailspin Software Pvt. Ltd.
August 2010 to October 2015
Managing a team of 20+ direct reports that includes Technical
Support Engineers, Team Leads and SMEs.
• Handling customer escalations
`);
  assert.equal(d.workExperience.length, 1);
  assert.equal(d.workExperience[0]!.jobTitle, 'Support Manager');
  assert.equal(d.workExperience[0]!.organization, 'Tailspin Software Pvt. Ltd.');
});

test('an abbreviated title is a title even in a one-job résumé ("Sr. Software Eng.", "Asst. Store Mgr")', async () => {
  for (const title of ['Sr. Software Eng.', 'Asst. Store Mgr']) {
    const data = await parse(`Jane Doe\njane@example.com\n\nExperience\n${title}\nAcme Corp, Boston, MA\nJan 2019 - Present\n- Built services in Go\n\nEducation\nBSc Computer Science, MIT, 2018\n`);
    assert.deepEqual(data.workExperience.map((w) => [w.jobTitle, w.organization]), [[title, 'Acme Corp']]);
  }
});

test('jobs under an accomplishments heading, each title stacked over its own dates, are a work history', async () => {
  const d = await parse(`Joel Kling
joel@example.com

ACCOMPLISHMENTS
NORTHWIND UNIVERSITY, Phoenix, Arizona
Chief Business Officer
2005 to 2012
Directed finance, IT, HR and legal across the school worldwide.
CONTOSO BANK, Chicago, Illinois
Chief Administrative Officer
2000 to 2005
Directed risk management and strategic planning for the division.

EDUCATION
B.S. in Business Administration, Colorado State University
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.dates?.startDate?.slice(0, 4)]), [
    ['Chief Business Officer', '2005'],
    ['Chief Administrative Officer', '2000'],
  ]);
});

test('a "Title, Employer" line right above the next dates heads that job even when the description above ran to the margin', async () => {
  const d = await parse(`Ravi Menon
ravi@example.com

EXPERIENCE
Electrician, Sembcorp Industries
Aug 2008 - Mar 2013\t4 years 7 months
Ran conduit, pulled wire and terminated circuits for three new-build office projects in the centre
Installed, tested and maintained electrical systems in residential and commercial buildings near
Electrician, Surbana Jurong
Nov 2003 - Nov 2007\t4 years
Trained five apprentices in safe work practices and the correct use of hand and power tools, on site
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [
    ['Electrician', 'Sembcorp Industries'],
    ['Electrician', 'Surbana Jurong'],
  ]);
});

test('a title alone right above the next dates heads that job when the description above finished its sentence at the margin', async () => {
  const d = await parse(`Lena Ortiz
lena@example.com

PROFESSIONAL HISTORY
CONSULTANT
2016 - Present
Northwind Traders
Led planning, tracking and reporting for mid-size infrastructure projects of between ten and forty staff.
Reviewed budgets each month with the finance team and cut the cost of outside contractors by a third.
OPERATIONS MANAGER
2011 - 2016
Contoso Logistics
Ran two warehouses with sixty staff across three shifts and brought order accuracy to ninety-nine percent.
Introduced scanning at goods-in and replaced the paper pick lists that had caused most of the errors.
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate?.slice(0, 4)]), [
    ['CONSULTANT', 'Northwind Traders', '2016'],
    ['OPERATIONS MANAGER', 'Contoso Logistics', '2011'],
  ]);
});

test('"Title," over its employer and dates heads the next job after a finished sentence that ran to the margin; a zero-width space is no part of the title', async () => {
  const d = await parse(`Corin Hale
corin@example.com

WORK EXPERIENCE
Lead Android Engineer, \u200B
Northwind Apps
09/14-Present
Architected and built the Northwind Android application used by two million people.
Mentored and coached the junior developers and the QA engineers of the whole team.
Director of Engineering, Android,
Contoso Dating
05/13-08/14
Managed a team of four developers, two QA engineers and one designer for the app.
Integrated third party libraries including OkHttp, Facebook, Picasso and Volley.
Lead Android Architect,
Fabrikam Fitness
10/12-06/13
Built up and led the Android team of the company from two people to eleven people.
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate?.slice(0, 7)]), [
    ['Lead Android Engineer', 'Northwind Apps', '2014-09'],
    ['Director of Engineering', 'Contoso Dating', '2013-05'],
    ['Lead Android Architect', 'Fabrikam Fitness', '2012-10'],
  ]);
});

test('a line about the employer between its dates and the title: the title is that job\'s; a private-use bullet glyph opens a bullet', async () => {
  const d = await parse(`Ruth Adler
ruth@example.com

PROFESSIONAL EXPERIENCE
NORTHWIND INSTRUMENTS, Boston, MA
2012 to Present
World leader in analytical instrumentation serving the energy and pharmaceutical industries.
Vice President of International Sales
Oversee sixty representatives internationally with full accountability for marketing.
\uF0A7 Grew international sales by half in five years by turning around sluggish sales teams and
launching new products in twelve markets.
CONTOSO & ASSOCIATES, Cambridge, MA
2004 to 2012
Exclusive representative of oil and gas instrumentation makers in twelve countries.
Chief Executive Officer
Started up the company and oversaw finance, staffing and marketing.
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate?.slice(0, 4)]), [
    ['Vice President of International Sales', 'NORTHWIND INSTRUMENTS', '2012'],
    ['Chief Executive Officer', 'CONTOSO & ASSOCIATES', '2004'],
  ]);
  assert.match(d.workExperience[0]!.jobDescription ?? '', /World leader.*Grew international sales/s);
  const pua = await parse(`Ruth Adler
ruth@example.com

EXPERIENCE
2014-2016
Northwind Stores, Melbourne
Position: Sales Assistant (casual)
Responsibilities
\uF0A7 Cash register sales & customer Service
\uF0A7 Liaison with other stores for customer orders
\uF0A7 Shop Maintenance
\uF0A7 Receiving & arranging of stock
Achievements
Promoted from an entry-level position to one with a higher level of autonomy.
`);
  assert.deepEqual(pua.workExperience.map((w) => w.organization), ['Northwind Stores']);
  assert.match(pua.workExperience[0]!.jobDescription ?? '', /Shop Maintenance/);
});

test('roles listed under an employer that has its own overall dates each get that employer; the employer line is no job', async () => {
  const d = await parse(`Joel Kling
joel@example.com

EXPERIENCE
NORTHWIND UNIVERSITY, Phoenix, Arizona
2000 to 2012
Chief Business Officer
2005 to 2012
Directed finance, IT, HR and legal across the school worldwide.
Chief Financial Officer
2000 to 2005
Led the finance function of the school.
CONTOSO BANK, Chicago, Illinois
1995 to 2000
Finance Manager
1995 to 1998
Ran budgeting for the retail division.
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate?.slice(0, 4)]), [
    ['Chief Business Officer', 'NORTHWIND UNIVERSITY', '2005'],
    ['Chief Financial Officer', 'NORTHWIND UNIVERSITY', '2000'],
    ['Finance Manager', 'CONTOSO BANK', '1995'],
  ]);
});

test('jobs written as labelled fields ("Designation:", "Organization:", "Duration:") are one job per label set', async () => {
  const d = await parse(`Mara Quist
mara@example.com
Work Experience:
Designation: Digital Advertising Executive
Organization: Violet Advertisers, Phoenix, AZ
Duration: May 2010 - till date
Devise advertising and marketing strategies for each product
Inspect the organization's website and report on its design
Designation: Digital Advertising Assistant
Organization: Mayfair Advertisers, Phoenix, AZ
Duration: January 2009 - April 2010
Prepared audio and visual materials to promote the products
`);
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization, w.location?.city ?? null, w.dates?.startDate ?? null, w.dates?.endDate ?? null]),
    [
      ['Digital Advertising Executive', 'Violet Advertisers', 'Phoenix', '2010-05-01', null],
      ['Digital Advertising Assistant', 'Mayfair Advertisers', 'Phoenix', '2009-01-01', '2010-04-01'],
    ],
  );
  assert.match(d.workExperience[0]!.jobDescription ?? '', /^Devise advertising/);
});

test('labelled fields under an ordinary job heading are details of that job, not jobs of their own', async () => {
  const d = await parse(`Mara Quist
mara@example.com

WORK EXPERIENCE

Technical Support Engineer
Globex - Pune
July 2013 to October 2015
Position: Technical Support Engineer
Company: Globex Corporation
• Answered escalated customer issues

Support Analyst
Initech - Pune
May 2011 to June 2013
Position: Support Analyst
Company: Initech Ltd
• Triaged tickets
`);
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization]),
    [
      ['Technical Support Engineer', 'Globex'],
      ['Support Analyst', 'Initech'],
    ],
  );
});

test('a one-line job that names its own employer does not take the employer of the job above', async () => {
  const d = await parse(`Mara Quist
mara@example.com

CLASSROOM EXPERIENCE
Student Teacher, Beachwood High School, Beachwood Middle School
Beachwood, OH August 2013 - May 2014
• Provided differentiated instruction to all students
Educational Associate, Perry Local School District, Perry, OH August 2012 - May 2013
• Collected and documented evidence of student learning
`);
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization]),
    [
      ['Student Teacher', 'Beachwood High School, Beachwood Middle School'],
      ['Educational Associate', 'Perry Local School District'],
    ],
  );
});

test('undated lines that each name a job and its employer are a job each, however many address parts follow', async () => {
  const d = await parse(`Mara Quist
mara@example.com

ADDITIONAL WORK EXPERIENCE
Sales Associate, Cheap & Tacky Clothing, Lincoln, Nebraska, United States
Produce Clerk, Expensive Foods, Pretend, NE
`);
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization]),
    [
      ['Sales Associate', 'Cheap & Tacky Clothing'],
      ['Produce Clerk', 'Expensive Foods'],
    ],
  );
});

test('jobs run on under a summary, each as dates over employer over title, are a work history', async () => {
  const d = await parse(`Lanora Borer
lanora@example.com

SUMMARY OF QUALIFICATIONS
Expert knowledge of CAM programming including drilling, pocketing and profiling.
Superior communication skills both written and verbal.
2011 to Present
Blentech, Santa Rosa, California
CNC Programmer
Created a new machine shop to service the company's needs
2008 to 2010
Microlux, Santa Rosa, California
Mechanical Designer
Ran CAD, engineering and design for the product line
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate?.slice(0, 4)]), [
    ['CNC Programmer', 'Blentech', '2011'],
    ['Mechanical Designer', 'Microlux', '2008'],
  ]);
});

test('an employer whose name holds a spaced dash keeps both halves; a client before its employer, or a work pattern, does not join it', async () => {
  const d = await parse(`MARTA KELLER
marta@example.com

EXPERIENCE

Staff Nurse\tMay 2019 – Present
Helios – Klinikum Berlin-Buch, Berlin, Germany
• Cared for 12 patients a shift on a cardiology ward

Trainee Nurse\tJune 2016 – April 2019
Northwind Bank – Contoso Services Ltd, Pune
• Supported the ward team

Care Assistant\tJan. 2014 – May 2016
Contract – Fabrikam Care Homes Ltd, Leeds
• Helped residents with daily living
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [
    ['Staff Nurse', 'Helios – Klinikum Berlin-Buch'],
    ['Trainee Nurse', 'Contoso Services Ltd'],
    ['Care Assistant', 'Fabrikam Care Homes Ltd'],
  ]);
});

test('dates after a labelled detail ("Client: …") close the job heading above it', async () => {
  const d = await parse(`ANIL RAO
anil@example.com

EMPLOYMENT HISTORY
Senior Test Lead
Northwind Traders, Canada
Client: Contoso Power
January 2012 November 2012
Description
Replaced the customer meters with a smart metering system across the province.
Test Engineer
Fabrikam Software, India
Client: Tailspin Toys
March 2009 December 2011
Description
Tested the ordering system.
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate, w.dates?.endDate]), [
    ['Senior Test Lead', 'Northwind Traders', '2012-01-01', '2012-11-01'],
    ['Test Engineer', 'Fabrikam Software', '2009-03-01', '2011-12-01'],
  ]);
});

test('a bulleted "Title, Employer" line right above its dates heads the job (a timeline dot, or a scan\'s reading of one)', async () => {
  const d = await parse(`KATRINA CRUZ
katrina@example.com

WORK EXPERIENCE
• Electrical Contracts Manager, Woh Hup
Aug, 2021 - Present
• Installed and maintained electrical systems in commercial buildings
Senior Electrician, Sembcorp Industries
Sep, 2017 - Aug, 2021
• Supervised a crew of 8 tradespeople
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate]), [
    ['Electrical Contracts Manager', 'Woh Hup', '2021-08-01'],
    ['Senior Electrician', 'Sembcorp Industries', '2017-09-01'],
  ]);
});

test('in dates-first jobs, a bulleted line naming a job above the next dates stays a bullet of the job above', async () => {
  const d = await parse(`LEE CHAN
lee@example.com

EXPERIENCE
Jan 2019 - Present
Senior Engineer, Acme Corp
• Led the payments team
• Promoted to Staff Engineer, Acme Corp
Jan 2016 - Dec 2018
Engineer, Globex Corporation
• Built the search service
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate]), [
    ['Senior Engineer', 'Acme Corp', '2019-01-01'],
    ['Engineer', 'Globex Corporation', '2016-01-01'],
  ]);
});

test('dates restated on the next line, in a job site\'s field and then the candidate\'s words, make one job', async () => {
  const d = await parse(`RAVI KUMAR
ravi.kumar@example.com

WORK EXPERIENCE
Support Officer
Fabrikam Financial Ltd -
March 2013 to July 2015
from Mar 2013 to Jul 2015
Operating System: Windows 7
• Maintained the team's records.
Manager
Wingtip Inc -
April 2012 to March 2013
Worked in Wingtip Inc as HR Executive from April 2012 to Mar 2013.
• Ran the joining formalities.
QA Analyst
Contoso Ltd - Hyderabad, Telangana -
November 2009 to February 2012
Hyderabad from Nov 2009 to Feb 2012
• Tested the billing system.
`);
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate, w.dates?.endDate]),
    [
      ['Support Officer', 'Fabrikam Financial Ltd', '2013-03-01', '2015-07-01'],
      ['Manager', 'Wingtip Inc', '2012-04-01', '2013-03-01'],
      ['QA Analyst', 'Contoso Ltd', '2009-11-01', '2012-02-01'],
    ],
  );
});

test('the same job printed twice in a row, once per project, is one job with both descriptions', async () => {
  const d = await parse(`ANIL REDDY
anil.reddy@example.com

WORK EXPERIENCE
Senior Systems Engineer
Contoso Limited - Hyderabad, Telangana -
January 2015 to Present
• Fixed the defects of the billing application.
Senior Systems Engineer
Contoso Limited - Hyderabad, Telangana -
January 2015 to Present
• Migrated the reports to the new warehouse.
Systems Engineer
Contoso Limited - Hyderabad, Telangana -
June 2012 to December 2014
• Supported the batch jobs.
`);
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.dates?.startDate]),
    [
      ['Senior Systems Engineer', '2015-01-01'],
      ['Systems Engineer', '2012-06-01'],
    ],
  );
  assert.match(d.workExperience[0]!.jobDescription ?? '', /billing application[\s\S]*new warehouse/);
});

test('"Employer as a Title" is cut even when the employer has a title word; a year after a preposition in a sentence, or a sub-heading over bullets, is no job', async () => {
  const d = await parse(`JASPREET KAUR
jaspreet@example.com

WORK EXPERIENCE
Tailspin Consultants as a HR Executive
Tailspin Consultants Pvt. Ltd - Chandigarh, Chandigarh -
June 2013 to January 2014
Tailspin Consultants, established in 1996, is one of the most successful student recruitment
companies in the world today.
• Recruitment: identified vacancies and screened resumes.
Customer Related Activities:-
• Kept track of after-sale activities.
CONTOSO as Process Associate
Contoso Ltd - Pune, Maharashtra -
December 2009 to September 2010
• Processed claims.
`);
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate]),
    [
      ['HR Executive', 'Tailspin Consultants Pvt. Ltd', '2013-06-01'],
      ['Process Associate', 'Contoso Ltd', '2009-12-01'],
    ],
  );
});

test('a description line that closes a bracket left open above carries on its sentence, dates and all', async () => {
  const d = await parse(`PREM KOSHTI
prem@example.com

WORK EXPERIENCE
HR Officer
Fabrikam Tiles (India) - Dewas, Madhya Pradesh -
July 2002 to Present
Presently working as HR Officer in Fabrikam Tiles (India), [A Division of Contoso
Cement Limited], DEWAS (M.P.) from 30.07.2002 to till date.
• Maintained the electronic punching system.
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [['HR Officer', 'Fabrikam Tiles (India)']]);
});

test('the rules for restated dates, repeated jobs, sub-headings, "as" and sentence years leave ordinary entries alone', async () => {
  // Two jobs with the same title and no employer, dated alike or not at all, stay two jobs.
  const consultant = await parse(`ANNA BERG
anna.berg@example.com

Work Experience
Consultant
Client: Volvo Cars
- Designed the dealer portal
Consultant
Client: Ericsson
- Migrated billing to the cloud
Summer Intern, 2019
- Volvo Cars: designed the dealer portal
Summer Intern, 2019
- Ericsson: migrated billing to the cloud
`);
  assert.equal(consultant.workExperience.length, 4);
  // A dates-first job line that closes on a colon over its bullets is the job's heading.
  const colon = await parse(`JANE DOE
jane.doe@example.com

Experience
Jan 2020 - Present
Senior Engineer, Acme Corp:
• Built the billing platform
Mar 2016 - Dec 2019
Software Engineer, Globex Inc:
• Wrote payment services
`);
  assert.deepEqual(colon.workExperience.map((w) => [w.jobTitle, w.organization]), [['Senior Engineer', 'Acme Corp'], ['Software Engineer', 'Globex Inc']]);
  // A title on both sides of " as " is one title.
  const nurse = await parse(`MARY JONES
mary@example.com

Experience
Agency Nurse as Charge Nurse, Jan 2018 - Present
• Led the night shift
`);
  assert.equal(nurse.workExperience[0]!.jobTitle, 'Agency Nurse as Charge Nurse');
  // A year closing a degree's line after "in" is its date.
  const degree = await parse(`RAVI KUMAR
ravi.kumar@example.com

Education
B.E. in Computer Science from Anna University, Chennai in 2012
HSC from Kendriya Vidyalaya, Chennai in 2008 with 85%
`);
  assert.deepEqual(degree.education.map((e) => e.dates?.completionDate?.slice(0, 4)), ['2012', '2008']);
});

test('a double hyphen between employer and title separates them like a dash', async () => {
  const d = await parse(`Lee Park
lee@example.com

EXPERIENCE
Oct 2012 - Feb 2013
IVORY SYSTEMS -- Drupal Architect/Developer (consultant at Kyocera)
Built the content model and the search pages of the customer portal.
Jun 2012 - Jul 2012
DYNTEK -- Drupal Developer (consultant)
Migrated four agency sites to a shared platform.
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [
    ['Drupal Architect/Developer (consultant at Kyocera)', 'IVORY SYSTEMS'],
    ['Drupal Developer (consultant)', 'DYNTEK'],
  ]);
});

test('after a dated job, undated lines of its description that merely pair two phrases are no job', async () => {
  const d = await parse(`Raj Podder
raj@example.com

WORK EXPERIENCE
CCSS Rep
Northwind Data Processing India Pvt - Bengaluru, Karnataka -
August 2014 to November 2016
https://www.example.com/r/raj-podder
Northwind: UK onboarding and KYC
Customer Relationship Management and on boarding:
Setting up and checking KYC documents.
National ID
Address proofs
Income proofs
Addition security for additional credits.
Credit scoring report from external credit rating agencies in UK.
Calling the customer and informing the current status of the process.
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [['CCSS Rep', 'Northwind Data Processing India Pvt']]);
});

test('after a dated job, an undated "Title, Brand" job stays; an icon-font glyph before dates or a title is no bullet', async () => {
  const d = await parse(`Dana Cho
dana@example.com

EXPERIENCE
Senior Data Analyst | Jan 2019 – Present
Northern Trust, Chicago, IL
• Built the quarterly risk dashboards.
Sales Associate, Target
• Handled returns and restocking.
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [
    ['Senior Data Analyst', 'Northern Trust'],
    ['Sales Associate', 'Target'],
  ]);
  const icons = await parse(`Dana Cho
dana@example.com

EXPERIENCE
Senior Developer
Spotify
\uF073 Jan 2019 - Present   \uF041 Stockholm
Built the playlist service.
`);
  assert.deepEqual(icons.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate?.slice(0, 7)]), [['Senior Developer', 'Spotify', '2019-01']]);
});

test('a dated heading line closed by a full stop is still a heading: the stop is no sign of a sentence', async () => {
  const d = await parse(`Boyd Buckridge
boyd@example.com

Experience
April 2013 - present Senior Software Engineer, LevelUp.
Developed Android application software, focusing on SDK design and development.
Systems Designer & Lead Mobile Developer, MIT Mobile Experience Lab. 2007 - 2013
Led the development of numerous projects.
Analyst, Contoso Ltd. 2005 - 2007
Intern at Northwind Traders.
2004 - 2005
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [
    ['Senior Software Engineer', 'LevelUp'],
    ['Systems Designer & Lead Mobile Developer', 'MIT Mobile Experience Lab.'],
    ['Analyst', 'Contoso Ltd.'],
    ['Intern', 'Northwind Traders'],
  ]);
});

test('an employer\'s name before a colon is the employer, not a label to drop', async () => {
  const d = await parse(`Boyd Buckridge
boyd@example.com

Experience
Google: Senior Engineer, 2013-2016
Built the ads reporting pipeline.
Company: Contoso Ltd, Analyst, 2010-2013
Reconciled the monthly accounts.
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [
    ['Senior Engineer', 'Google'],
    ['Analyst', 'Contoso Ltd'],
  ]);
});

test('a description line under the dates keeps its full stop and stays out of the heading; abbreviations keep theirs; a kind of employer before a colon is a label', async () => {
  const d = await parse(`Chris Doyle
chris@example.com

EXPERIENCE
Analyst, Barclays
2012 - 2014
Built risk models.

Shift Supervisor, Starbucks
2010 - 2012
Opened the store.

Data Engineer
Acme Analytics - Austin, TX
2016 to 2018
Worked with technologies like Python, Django, Celery, MySQL, MongoDB, Neural
Network.

Cashier
2008 - 2010
Handled cash.

Staff Nurse, Massachusetts General Hosp.
2006 - 2008
Relationship Manager | Bank: Retail Banking | 2004 - 2006
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization]), [
    ['Analyst', 'Barclays'],
    ['Shift Supervisor', 'Starbucks'],
    ['Data Engineer', 'Acme Analytics'],
    ['Cashier', null],
    ['Staff Nurse', 'Massachusetts General Hosp.'],
    ['Relationship Manager', 'Retail Banking'],
  ]);
});

test('a page break in exported text: "Continued…" lines, legacy-code-page bullets, an employer after a finished sentence', async () => {
  const d = await parse(`Terrell Earle
terrell@example.com

PROFESSIONAL EXPERIENCE
LEANDER CORPORATION, Boston, MA
2000 to Present
World leader in analytical instrumentation serving energy and pharmaceutical industries.
Vice President of International Sales
Oversee 60+ representatives internationally with full accountability of all marketing initiatives.
Continued…
Page 2 of 3
Vice President of International Sales, Continued
\u0083 Transformed underperforming operations in countries that bolstered revenue increases from
20% to 100% consistently by analyzing metrics and implementing new market strategies.
\u0083 Minimized risk exposure globally and ensured continued expansion by carefully assessing political,
economic and cultural trends internationally, and implementing proactive measures to address potential threats.
HERNANDEZ & ASSOCIATES, Hopkinton, MA
1990 to 2000
Exclusive representative of oil and gas instrumentation manufacturers in 12 countries globally.
Chief Executive Officer
Started up a company that became exclusive representative to global manufacturers of instrumentation.
`);
  // (The employer's own name is what is asserted: whether a small town after it goes with the place is not.)
  assert.deepEqual(
    d.workExperience.map((w) => [w.jobTitle, w.organization?.split(',')[0], w.dates?.startDate]),
    [
      ['Vice President of International Sales', 'LEANDER CORPORATION', '2000-01-01'],
      ['Chief Executive Officer', 'HERNANDEZ & ASSOCIATES', '1990-01-01'],
    ],
  );
  assert.ok(!d.workExperience[0]!.jobDescription?.includes('Continued'));
});

test('a description in the present tense is no heading; undated jobs listed one to a line are a job each', async () => {
  const d = await parse(`Terrell Earle
terrell@example.com

PROFESSIONAL EXPERIENCE
LEANDER CORPORATION, Boston, MA
2000 to Present
Vice President of International Sales
Oversee 60+ representatives internationally.

Earlier Career:
ARLINGTON CORPORATION, Product Development Specialist
BRASILO LTD., Engineer
SCHLUMBERGER OILFIELD SERVICES, Field Technician
VERITAS DGC, Roustabout

EDUCATION
Boston University, MBA, 2001
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization, w.dates?.startDate ?? null]), [
    ['Vice President of International Sales', 'LEANDER CORPORATION', '2000-01-01'],
    ['Product Development Specialist', 'ARLINGTON CORPORATION', null],
    ['Engineer', 'BRASILO LTD.', null],
    ['Field Technician', 'SCHLUMBERGER OILFIELD SERVICES', null],
    ['Roustabout', 'VERITAS DGC', null],
  ]);
  assert.equal(d.workExperience[0]!.jobDescription, 'Oversee 60+ representatives internationally.');
});

test('an icon between two fields separates them ("Cipla ⌂ Mumbai")', async () => {
  const d = await parse(`Pranay Rajan
pranay@example.com

EXPERIENCE
Operations Director\tJun 2016 – Present
Cipla ⌂ Mumbai
Led the monthly S&OP cycle with sales, finance and marketing
`);
  assert.deepEqual(d.workExperience.map((w) => [w.jobTitle, w.organization, w.location?.city]), [['Operations Director', 'Cipla', 'Mumbai']]);
});

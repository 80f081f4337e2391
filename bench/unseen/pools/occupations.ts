/**
 * Occupation families: title ladders, skills, bullet and summary templates, degree subjects and certifications.
 * Placeholders in bullets: {tool} (one of the person's printed tools), {tool:A|B} (one of those that the person
 * lists; the bullet is skipped when none is), {n} (a count), {pct} (a percentage),
 * {money} (an amount in the local currency), {team} (a team size).
 */

export type Sector = 'tech' | 'finance' | 'consult' | 'health' | 'eng' | 'retail' | 'edu' | 'logistics' | 'telco' | 'public' | 'media' | 'energy' | 'pharma';

export interface Family {
  id: string;
  sectors: Sector[];
  /** Ranks from entry level up; each rank lists interchangeable titles. */
  ladder: string[][];
  tools: string[];
  methods: string[];
  soft: string[];
  bullets: string[];
  summaries: string[];
  objectives: string[];
  subjects: string[];
  certs: string[];
  /** Extra certifications by country. */
  localCerts?: Partial<Record<string, string[]>>;
  /** Engineering-style degree names (BEng, B.Tech, Dipl.-Ing.). */
  engineering?: boolean;
}

const SOFT = ['Communication', 'Stakeholder Management', 'Problem Solving', 'Teamwork', 'Mentoring', 'Time Management', 'Presentation Skills', 'Critical Thinking', 'Attention to Detail', 'Adaptability', 'Leadership', 'Negotiation', 'Conflict Resolution', 'Public Speaking', 'Cross-functional Collaboration'];

export const FAMILIES: Family[] = [
  {
    id: 'software',
    sectors: ['tech', 'finance', 'telco', 'retail', 'media', 'consult'],
    ladder: [
      ['Junior Software Developer', 'Graduate Software Engineer', 'Associate Software Engineer'],
      ['Software Engineer', 'Backend Developer', 'Full Stack Developer', 'Frontend Engineer'],
      ['Senior Software Engineer', 'Senior Backend Engineer', 'Senior Full Stack Developer'],
      ['Staff Software Engineer', 'Lead Software Engineer', 'Principal Engineer'],
      ['Engineering Manager', 'Head of Engineering'],
    ],
    tools: ['Python', 'TypeScript', 'Java', 'Go', 'C#', 'Kotlin', 'Rust', 'React', 'Node.js', 'Spring Boot', 'Django', '.NET', 'GraphQL', 'AWS', 'Google Cloud', 'Azure', 'Docker', 'Kubernetes', 'Terraform', 'PostgreSQL', 'MySQL', 'Redis', 'Kafka', 'GitHub Actions', 'Jenkins', 'Elasticsearch', 'gRPC', 'Next.js', 'Vue.js'],
    methods: ['System Design', 'Microservices', 'REST APIs', 'Test-Driven Development', 'CI/CD', 'Code Review', 'Agile', 'Domain-Driven Design', 'Performance Tuning', 'Observability'],
    soft: SOFT,
    bullets: [
      'Designed and shipped a payments service in {tool:Python|TypeScript|Java|Go|C#|Kotlin|Rust|Node.js|Spring Boot|Django|.NET} handling {n} million requests per day',
      'Cut p95 API latency by {pct}% by introducing caching with {tool:Redis|Elasticsearch} and query tuning',
      'Migrated a monolith to {n} microservices running on {tool:Kubernetes|AWS|Google Cloud|Azure|Docker}, with zero downtime',
      'Built the CI pipeline in {tool:GitHub Actions|Jenkins}, reducing release time from days to under an hour',
      'Led a team of {team} engineers delivering the customer onboarding flow in {tool:React|Next.js|Vue.js|TypeScript|Kotlin}',
      'Introduced contract tests and raised automated test coverage from 40% to {pct}%',
      'Mentored {team} junior developers through code reviews and pairing sessions',
      'Rebuilt the internal admin portal with {tool:React|Next.js|Vue.js|Django|.NET}, used daily by {n}00 support staff',
      'Reduced cloud spend by {money} a year by right-sizing clusters and removing idle resources',
      'Owned on-call for the search platform and cut incident volume by {pct}%',
    ],
    summaries: [
      '{title} with {years} years of experience building reliable web services and developer tooling. Comfortable across the stack, from data models to deployment pipelines.',
      'Pragmatic {title} who has spent {years} years turning product ideas into well-tested, observable software. Enjoys mentoring and simplifying complex systems.',
      'Backend-leaning engineer with {years} years in high-traffic environments, focused on performance, clean APIs and steady delivery.',
    ],
    objectives: [
      'Computer Science graduate looking for a first software engineering role where I can contribute to a product team and keep learning modern cloud tooling.',
      'Recent graduate seeking a junior developer position to apply my project experience in web development and automated testing.',
    ],
    subjects: ['Computer Science', 'Software Engineering', 'Information Technology', 'Computer Engineering'],
    certs: ['AWS Certified Solutions Architect – Associate', 'Certified Kubernetes Application Developer (CKAD)', 'Google Professional Cloud Developer', 'Microsoft Certified: Azure Developer Associate', 'HashiCorp Certified: Terraform Associate', 'Oracle Certified Professional: Java SE 17 Developer'],
  },
  {
    id: 'data',
    sectors: ['tech', 'finance', 'retail', 'telco', 'consult', 'health'],
    ladder: [
      ['Junior Data Analyst', 'Data Analyst Intern', 'Graduate Analyst'],
      ['Data Analyst', 'Business Intelligence Analyst', 'Data Engineer'],
      ['Senior Data Analyst', 'Data Scientist', 'Senior Data Engineer'],
      ['Senior Data Scientist', 'Lead Data Scientist', 'Analytics Lead'],
      ['Head of Analytics', 'Data Science Manager'],
    ],
    tools: ['Python', 'SQL', 'R', 'Tableau', 'Power BI', 'Looker', 'dbt', 'Snowflake', 'BigQuery', 'Apache Spark', 'Airflow', 'pandas', 'scikit-learn', 'Excel', 'Databricks', 'PyTorch', 'Amazon Redshift', 'Jupyter'],
    methods: ['Statistical Modelling', 'A/B Testing', 'Data Visualisation', 'Machine Learning', 'ETL', 'Forecasting', 'Data Warehousing', 'Customer Segmentation', 'Experiment Design', 'Data Governance'],
    soft: SOFT,
    bullets: [
      'Built a demand forecasting model in {tool:Python|R|scikit-learn|PyTorch|Databricks} that improved forecast accuracy by {pct}%',
      'Designed {n} executive dashboards in {tool:Tableau|Power BI|Looker|Excel} covering revenue, churn and retention',
      'Automated weekly reporting with {tool:Python|SQL|Excel|R|Airflow|dbt}, saving analysts {n} hours a week',
      'Ran {n} A/B tests on pricing pages and quantified a {money} annual uplift',
      'Moved legacy ETL jobs to {tool:dbt|Airflow|Apache Spark|Databricks|Snowflake|BigQuery}, cutting pipeline failures by {pct}%',
      'Partnered with marketing on a churn model that flagged at-risk customers with {pct}% precision',
      'Trained {team} business users to self-serve data through {tool:Tableau|Power BI|Looker|Snowflake|BigQuery}',
      'Modelled {n} million transactions in {tool:SQL|Apache Spark|Python|Databricks|BigQuery|Snowflake|pandas} to identify fraud patterns',
    ],
    summaries: [
      '{title} with {years} years of experience turning raw data into decisions: modelling, experimentation and clear dashboards for non-technical audiences.',
      'Analytical {title} ({years} years) who builds dependable data pipelines and explains results in plain language.',
    ],
    objectives: [
      'Statistics graduate seeking an entry-level analyst role where I can apply SQL and Python to real business questions.',
      'Motivated mathematics graduate looking to start a career in data analytics and grow into data science.',
    ],
    subjects: ['Statistics', 'Mathematics', 'Data Science', 'Economics', 'Applied Mathematics'],
    certs: ['Microsoft Certified: Power BI Data Analyst Associate', 'Google Data Analytics Professional Certificate', 'Databricks Certified Data Engineer Associate', 'Tableau Certified Data Analyst', 'SnowPro Core Certification', 'AWS Certified Machine Learning – Specialty'],
  },
  {
    id: 'finance',
    sectors: ['finance', 'consult', 'retail', 'eng', 'energy', 'pharma', 'tech'],
    ladder: [
      ['Accounts Assistant', 'Junior Accountant', 'Finance Assistant'],
      ['Accountant', 'Financial Analyst', 'Management Accountant'],
      ['Senior Accountant', 'Senior Financial Analyst', 'FP&A Analyst'],
      ['Finance Manager', 'FP&A Manager', 'Financial Controller'],
      ['Head of Finance', 'Finance Director'],
    ],
    tools: ['SAP', 'Oracle NetSuite', 'Xero', 'QuickBooks', 'Excel', 'Power BI', 'Sage 200', 'Workday Financials', 'Anaplan', 'Hyperion', 'Alteryx', 'BlackLine'],
    methods: ['Financial Reporting', 'Budgeting', 'Forecasting', 'Month-End Close', 'Variance Analysis', 'IFRS', 'Internal Controls', 'Cash Flow Management', 'Audit Preparation', 'Financial Modelling', 'Tax Compliance', 'Accounts Payable'],
    soft: SOFT,
    bullets: [
      'Shortened month-end close from 10 to {n} working days by automating reconciliations in {tool:BlackLine|Excel|SAP|Oracle NetSuite|Alteryx}',
      'Prepared monthly management accounts for {n} business units and presented variances to the board',
      'Built a rolling 18-month forecast model in {tool:Excel|Anaplan|Hyperion} used for all capital decisions',
      'Led the statutory audit with external auditors, closing with no material findings',
      'Identified {money} in annual savings through a supplier spend review',
      'Implemented {tool:SAP|Oracle NetSuite|Workday Financials|Xero|BlackLine|Anaplan|Sage 200|QuickBooks} across {n} entities, replacing spreadsheet-based consolidation',
      'Managed a team of {team} accounts payable and receivable clerks',
      'Reduced aged debt over 90 days by {pct}% through tighter credit control',
    ],
    summaries: [
      'Qualified {title} with {years} years of experience in reporting, forecasting and process improvement across multi-entity groups.',
      'Detail-oriented finance professional ({years} years) who pairs strong technical accounting with practical business partnering.',
    ],
    objectives: [
      'Accounting graduate seeking a trainee accountant position to build practical experience towards professional qualification.',
      'Finance graduate looking for an analyst role where I can develop my modelling and reporting skills.',
    ],
    subjects: ['Accounting', 'Finance', 'Economics', 'Accounting and Finance'],
    certs: ['Chartered Financial Analyst (CFA) Level II', 'Financial Modelling & Valuation Analyst (FMVA)'],
    localCerts: { US: ['Certified Public Accountant (CPA)'], GB: ['ACCA Member', 'CIMA Chartered Global Management Accountant'], AU: ['CPA Australia'], IN: ['Chartered Accountant (ICAI)'], CA: ['Chartered Professional Accountant (CPA Canada)'], ZA: ['Chartered Accountant CA(SA)'], SG: ['ISCA Chartered Accountant of Singapore'], DE: ['Steuerberater Examination'], FR: ['Diplôme Supérieur de Comptabilité et de Gestion (DSCG)'] },
  },
  {
    id: 'marketing',
    sectors: ['tech', 'retail', 'media', 'finance', 'telco', 'pharma'],
    ladder: [
      ['Marketing Assistant', 'Marketing Coordinator', 'Social Media Assistant'],
      ['Marketing Executive', 'Digital Marketing Specialist', 'Content Marketing Specialist'],
      ['Senior Marketing Manager', 'Digital Marketing Manager', 'Brand Manager'],
      ['Head of Marketing', 'Marketing Director', 'Head of Growth'],
    ],
    tools: ['Google Analytics', 'HubSpot', 'Salesforce Marketing Cloud', 'Google Ads', 'Meta Ads Manager', 'Mailchimp', 'Hootsuite', 'Canva', 'Adobe Photoshop', 'SEMrush', 'WordPress', 'Marketo', 'Hotjar'],
    methods: ['SEO', 'SEM', 'Content Strategy', 'Email Marketing', 'Brand Positioning', 'Marketing Automation', 'Campaign Management', 'Copywriting', 'Market Research', 'Conversion Rate Optimisation'],
    soft: SOFT,
    bullets: [
      'Planned and ran paid campaigns in {tool:Google Ads|Meta Ads Manager} with a monthly budget of {money}, lowering cost per lead by {pct}%',
      'Grew organic traffic by {pct}% in a year through an SEO content programme of {n} articles',
      'Built lifecycle email journeys in {tool:HubSpot|Mailchimp|Salesforce Marketing Cloud|Marketo} that lifted repeat purchases by {pct}%',
      'Relaunched the brand across {n} markets together with an external agency',
      'Managed a team of {team} marketers and freelancers across content, social and paid media',
      'Set up attribution reporting in {tool:Google Analytics|HubSpot} so every channel reported on a common definition of revenue',
      'Produced {n} webinars and case studies that sourced a third of the sales pipeline',
    ],
    summaries: [
      'Results-focused {title} with {years} years in B2B and B2C marketing, from brand campaigns to performance channels.',
      'Creative, data-literate marketer ({years} years) who builds campaigns around measurable outcomes.',
    ],
    objectives: ['Marketing graduate seeking a coordinator role where I can put my content and social media skills to work for a growing brand.'],
    subjects: ['Marketing', 'Business Administration', 'Communications', 'Media Studies'],
    certs: ['Google Ads Search Certification', 'HubSpot Inbound Marketing Certification', 'Meta Certified Digital Marketing Associate', 'Google Analytics Certification'],
    localCerts: { GB: ['CIM Level 4 Certificate in Professional Marketing'], AU: ['AMI Certified Practising Marketer'] },
  },
  {
    id: 'nursing',
    sectors: ['health'],
    ladder: [
      ['Healthcare Assistant', 'Student Nurse', 'Nursing Assistant'],
      ['Registered Nurse', 'Staff Nurse'],
      ['Senior Staff Nurse', 'Charge Nurse', 'Clinical Nurse Specialist'],
      ['Nurse Unit Manager', 'Ward Manager', 'Nurse Manager'],
    ],
    tools: ['Epic', 'Cerner', 'Meditech', 'Alaris Infusion Pumps', 'Philips IntelliVue'],
    methods: ['Patient Assessment', 'Medication Administration', 'Wound Care', 'IV Therapy', 'Infection Control', 'Triage', 'Care Planning', 'Palliative Care', 'Discharge Planning', 'Patient Education', 'Venepuncture', 'Electronic Health Records'],
    soft: ['Empathy', 'Communication', 'Teamwork', 'Time Management', 'Attention to Detail', 'Resilience', 'Leadership', 'Critical Thinking'],
    bullets: [
      'Cared for up to {n} patients per shift on a busy acute medical ward',
      'Documented assessments and care plans in {tool:Epic|Cerner|Meditech}, maintaining full audit compliance',
      'Reduced hospital-acquired pressure injuries by {pct}% through a skin-care bundle',
      'Supervised and precepted {team} student nurses and new graduates',
      'Coordinated safe discharges with physiotherapy, social work and community teams',
      'Led the ward infection control audit, achieving {pct}% hand hygiene compliance',
      'Administered IV medications and blood products using {tool:Alaris Infusion Pumps}',
    ],
    summaries: [
      'Compassionate {title} with {years} years of acute care experience, committed to safe, patient-centred practice.',
      'Experienced nurse ({years} years) skilled in medical-surgical care, clinical leadership and calm decision making under pressure.',
    ],
    objectives: ['Newly qualified nurse seeking a graduate position on a medical or surgical ward to consolidate my clinical skills.'],
    subjects: ['Nursing', 'Adult Nursing', 'Nursing Science'],
    certs: ['Basic Life Support (BLS)', 'Advanced Cardiovascular Life Support (ACLS)', 'Paediatric Advanced Life Support (PALS)', 'Immediate Life Support (ILS)'],
    localCerts: { US: ['NCLEX-RN'], GB: ['NMC Registered Nurse'], AU: ['AHPRA Registered Nurse'], IN: ['Registered Nurse and Registered Midwife (RNRM)'], CA: ['Registered Nurse, College of Nurses of Ontario'], ZA: ['SANC Registered Professional Nurse'] },
  },
  {
    id: 'engineering',
    sectors: ['eng', 'energy', 'logistics'],
    engineering: true,
    ladder: [
      ['Graduate Engineer', 'Junior Mechanical Engineer', 'Engineering Intern'],
      ['Mechanical Engineer', 'Design Engineer', 'Process Engineer', 'Civil Engineer'],
      ['Senior Mechanical Engineer', 'Senior Design Engineer', 'Senior Process Engineer'],
      ['Principal Engineer', 'Lead Engineer', 'Engineering Manager'],
    ],
    tools: ['SolidWorks', 'AutoCAD', 'ANSYS', 'MATLAB', 'CATIA', 'Siemens NX', 'Creo', 'Minitab', 'Revit', 'Abaqus', 'LabVIEW'],
    methods: ['FMEA', 'GD&T', 'Root Cause Analysis', 'Lean Manufacturing', 'Six Sigma', 'Finite Element Analysis', 'Design for Manufacture', 'Project Engineering', 'Tolerance Analysis', 'Technical Drawing', 'Commissioning'],
    soft: SOFT,
    bullets: [
      'Redesigned a gearbox housing in {tool:SolidWorks|CATIA|Siemens NX|Creo|AutoCAD}, cutting part weight by {pct}%',
      'Ran finite element studies in {tool:ANSYS|Abaqus|MATLAB} to qualify brackets for {n} vibration load cases',
      'Led root cause investigations that reduced line stoppages by {pct}%',
      'Managed a {money} equipment upgrade from specification through commissioning',
      'Produced manufacturing drawings with full GD&T for {n} new components',
      'Coordinated {team} technicians and two suppliers during a plant relocation',
      'Introduced a Lean changeover process that saved {n} hours of downtime a month',
    ],
    summaries: [
      'Chartered-track {title} with {years} years in product design and manufacturing, from concept models to production release.',
      'Hands-on engineer ({years} years) who combines simulation with shop-floor problem solving.',
    ],
    objectives: ['Graduate engineer seeking a design or process role where I can apply my training in CAD and simulation.'],
    subjects: ['Mechanical Engineering', 'Civil Engineering', 'Electrical Engineering', 'Mechatronics', 'Aerospace Engineering'],
    certs: ['Lean Six Sigma Green Belt', 'Certified SOLIDWORKS Professional (CSWP)', 'NEBOSH General Certificate'],
    localCerts: { US: ['Professional Engineer (PE)'], GB: ['Chartered Engineer (CEng), IMechE'], AU: ['Chartered Professional Engineer (CPEng)'], CA: ['Professional Engineer (P.Eng.)'], ZA: ['Professional Engineer (Pr.Eng), ECSA'], IN: ['Chartered Engineer (IEI)'] },
  },
  {
    id: 'hr',
    sectors: ['tech', 'finance', 'retail', 'health', 'eng', 'consult', 'public'],
    ladder: [
      ['HR Assistant', 'HR Administrator', 'Recruitment Coordinator'],
      ['HR Coordinator', 'HR Generalist', 'Talent Acquisition Specialist'],
      ['HR Business Partner', 'Senior Talent Acquisition Partner', 'Senior HR Advisor'],
      ['HR Manager', 'Head of People', 'People & Culture Manager'],
    ],
    tools: ['Workday', 'SAP SuccessFactors', 'BambooHR', 'Greenhouse', 'LinkedIn Recruiter', 'ADP Workforce Now', 'Personio', 'Lever'],
    methods: ['Employee Relations', 'Recruitment', 'Onboarding', 'Payroll', 'Employment Law', 'Performance Management', 'Compensation and Benefits', 'Workforce Planning', 'Learning and Development', 'HR Policy'],
    soft: SOFT,
    bullets: [
      'Hired {n} people in a year across engineering and sales using {tool:Greenhouse|LinkedIn Recruiter|Workday|Lever}',
      'Cut time-to-hire by {pct}% by redesigning the interview process',
      'Rolled out {tool:Workday|SAP SuccessFactors|BambooHR|Personio|ADP Workforce Now} to {n}00 employees and trained managers on self-service',
      'Advised managers on {n} employee relations cases, from investigation to outcome',
      'Designed a new onboarding programme that raised first-year retention by {pct}%',
      'Ran the annual pay review covering a {money} salary budget',
    ],
    summaries: [
      'People-focused {title} with {years} years of generalist and recruitment experience in fast-growing organisations.',
      'Pragmatic HR professional ({years} years) who balances employee advocacy with commercial judgement.',
    ],
    objectives: ['Business graduate seeking an HR assistant role to build experience in recruitment and employee relations.'],
    subjects: ['Human Resource Management', 'Psychology', 'Business Administration', 'Business Management'],
    certs: ['SHRM Certified Professional (SHRM-CP)', 'Certified Talent Acquisition Professional'],
    localCerts: { GB: ['CIPD Level 5 Associate Diploma in People Management'], US: ['Professional in Human Resources (PHR)'], AU: ['AHRI Certified Practitioner'], CA: ['Certified Human Resources Professional (CHRP)'], ZA: ['SABPP Registered HR Practitioner'] },
  },
  {
    id: 'sales',
    sectors: ['tech', 'pharma', 'retail', 'telco', 'finance', 'eng'],
    ladder: [
      ['Sales Development Representative', 'Inside Sales Representative', 'Sales Associate'],
      ['Account Executive', 'Territory Sales Representative', 'Business Development Executive'],
      ['Senior Account Executive', 'Key Account Manager', 'Enterprise Account Manager'],
      ['Sales Manager', 'Regional Sales Director', 'Head of Sales'],
    ],
    tools: ['Salesforce', 'HubSpot CRM', 'Outreach', 'Gong', 'LinkedIn Sales Navigator', 'Zoho CRM', 'Pipedrive', 'Microsoft Dynamics 365'],
    methods: ['Pipeline Management', 'Solution Selling', 'Account Management', 'Cold Calling', 'Sales Forecasting', 'Contract Negotiation', 'Territory Planning', 'Lead Generation', 'Customer Retention', 'MEDDIC'],
    soft: SOFT,
    bullets: [
      'Closed {money} in new annual recurring revenue, {pct}% above quota',
      'Built a pipeline of {n} qualified opportunities using {tool:Outreach|LinkedIn Sales Navigator|Salesforce|HubSpot CRM} and targeted outbound sequences',
      'Grew the top {n} accounts by {pct}% year on year through quarterly business reviews',
      'Kept forecast accuracy within 5% by maintaining clean opportunity data in {tool:Salesforce|HubSpot CRM|Zoho CRM|Pipedrive|Microsoft Dynamics 365}',
      'Coached {team} new representatives on discovery calls and objection handling',
      'Won the President\'s Club award for the highest regional attainment',
    ],
    summaries: [
      'Quota-beating {title} with {years} years of B2B sales experience and a consultative, data-driven approach.',
      'Commercially minded sales professional ({years} years) who builds long-term client relationships.',
    ],
    objectives: ['Energetic graduate seeking a sales development role with a fast-growing team.'],
    subjects: ['Business Administration', 'Marketing', 'Economics', 'Commerce'],
    certs: ['Salesforce Certified Administrator', 'Sandler Sales Foundations', 'MEDDICC Practitioner', 'Challenger Sales Certification'],
  },
  {
    id: 'academic',
    sectors: ['edu'],
    ladder: [
      ['Research Assistant', 'Graduate Teaching Assistant'],
      ['Postdoctoral Research Fellow', 'Research Associate'],
      ['Lecturer', 'Assistant Professor'],
      ['Senior Lecturer', 'Associate Professor'],
      ['Professor', 'Reader'],
    ],
    tools: ['R', 'Python', 'MATLAB', 'LaTeX', 'SPSS', 'Stata', 'NVivo', 'GraphPad Prism', 'ImageJ'],
    methods: ['Grant Writing', 'Statistical Analysis', 'Curriculum Design', 'Research Supervision', 'Peer Review', 'Qualitative Research', 'Experimental Design', 'Systematic Reviews', 'Science Communication'],
    soft: ['Public Speaking', 'Mentoring', 'Academic Writing', 'Collaboration', 'Leadership'],
    bullets: [
      'Secured {money} in competitive research funding as principal investigator',
      'Taught undergraduate and postgraduate modules to cohorts of up to {n}0 students',
      'Supervised {team} doctoral students to completion and {n} master\'s dissertations',
      'Analysed longitudinal survey data in {tool:R|Python|SPSS|Stata} for a multi-site cohort study',
      'Served on the faculty ethics committee and the departmental teaching board',
      'Published {n} peer-reviewed articles and presented at international conferences',
    ],
    summaries: [
      '{title} with {years} years of research and teaching experience, publishing in peer-reviewed journals and supervising graduate students.',
    ],
    objectives: ['Doctoral graduate seeking a postdoctoral position to extend my research on quantitative methods.'],
    subjects: ['Molecular Biology', 'Economics', 'Chemistry', 'Sociology', 'Physics', 'Public Health', 'Psychology'],
    certs: ['Fellowship of the Higher Education Academy (FHEA)', 'Postgraduate Certificate in Academic Practice', 'Good Clinical Practice (GCP)'],
  },
  {
    id: 'logistics',
    sectors: ['logistics', 'retail', 'eng', 'pharma'],
    ladder: [
      ['Logistics Coordinator', 'Supply Chain Assistant', 'Warehouse Coordinator'],
      ['Supply Chain Analyst', 'Procurement Specialist', 'Demand Planner'],
      ['Senior Supply Chain Analyst', 'Logistics Manager', 'Category Manager'],
      ['Supply Chain Manager', 'Head of Operations', 'Operations Director'],
    ],
    tools: ['SAP MM', 'Oracle SCM', 'Excel', 'Manhattan WMS', 'Tableau', 'Blue Yonder', 'Coupa', 'Kinaxis RapidResponse'],
    methods: ['Inventory Management', 'Demand Planning', 'S&OP', 'Vendor Management', 'Lean', 'Procurement', 'Route Optimisation', 'Warehouse Operations', 'Import/Export Compliance', 'Cost Reduction'],
    soft: SOFT,
    bullets: [
      'Lowered inventory holding costs by {money} while keeping service levels above 98%',
      'Renegotiated contracts with {n} carriers, saving {pct}% on freight spend',
      'Implemented {tool:SAP MM|Oracle SCM|Manhattan WMS|Blue Yonder|Kinaxis RapidResponse|Coupa} across {n} distribution centres',
      'Led the monthly S&OP cycle with sales, finance and production',
      'Managed {team} planners and coordinators across two sites',
      'Built stock-cover dashboards in {tool:Tableau|Excel} used by the whole operations team',
    ],
    summaries: [
      'Supply chain professional with {years} years across planning, procurement and distribution, focused on cost and service.',
      '{title} ({years} years) with a record of inventory reduction and supplier performance improvement.',
    ],
    objectives: ['Logistics graduate seeking a coordinator role in a busy distribution operation.'],
    subjects: ['Supply Chain Management', 'Logistics', 'Industrial Engineering', 'Business Administration'],
    certs: ['APICS Certified Supply Chain Professional (CSCP)', 'Lean Six Sigma Green Belt', 'APICS Certified in Planning and Inventory Management (CPIM)'],
    localCerts: { GB: ['CIPS Level 4 Diploma in Procurement and Supply'], ZA: ['CIPS Level 4 Diploma in Procurement and Supply'], AU: ['CIPS Level 4 Diploma in Procurement and Supply'] },
  },
  {
    id: 'design',
    sectors: ['tech', 'media', 'finance', 'retail', 'consult'],
    ladder: [
      ['Junior UX Designer', 'Junior Graphic Designer', 'Design Intern'],
      ['UX Designer', 'Product Designer', 'UI Designer'],
      ['Senior Product Designer', 'Senior UX Designer'],
      ['Lead Product Designer', 'Design Lead', 'Head of Design'],
    ],
    tools: ['Figma', 'Sketch', 'Adobe XD', 'Miro', 'Adobe Illustrator', 'Adobe After Effects', 'Maze', 'Framer', 'HTML', 'CSS', 'Webflow'],
    methods: ['User Research', 'Prototyping', 'Usability Testing', 'Design Systems', 'Accessibility', 'Information Architecture', 'Interaction Design', 'Wireframing', 'Service Design', 'Journey Mapping'],
    soft: SOFT,
    bullets: [
      'Redesigned the checkout flow in {tool:Figma|Sketch|Adobe XD|Framer}, increasing conversion by {pct}%',
      'Built and maintained a design system of {n} components shared by {team} product teams',
      'Ran {n} rounds of usability testing with {tool:Maze|Figma}, feeding a prioritised backlog',
      'Led discovery workshops with stakeholders and engineers to define the product roadmap',
      'Brought the web app to WCAG 2.1 AA compliance',
      'Mentored {team} junior designers and introduced weekly design critiques',
    ],
    summaries: [
      'Product-minded {title} with {years} years designing web and mobile experiences grounded in research.',
      'Designer ({years} years) who moves easily between research, interaction design and polished visual work.',
    ],
    objectives: ['Design graduate seeking a junior UX role where I can grow my research and prototyping skills.'],
    subjects: ['Graphic Design', 'Interaction Design', 'Human-Computer Interaction', 'Visual Communication'],
    certs: ['Google UX Design Professional Certificate', 'NN/g UX Certification', 'Certified Professional in Accessibility Core Competencies (CPACC)'],
  },
  {
    id: 'pm',
    sectors: ['consult', 'tech', 'finance', 'public', 'eng', 'telco'],
    ladder: [
      ['Project Coordinator', 'Junior Business Analyst', 'PMO Analyst'],
      ['Business Analyst', 'Project Manager', 'Scrum Master'],
      ['Senior Project Manager', 'Senior Business Analyst', 'Delivery Manager'],
      ['Programme Manager', 'Head of Delivery', 'Portfolio Manager'],
    ],
    tools: ['Jira', 'Confluence', 'Microsoft Project', 'Smartsheet', 'Asana', 'Power BI', 'Visio', 'Trello', 'ServiceNow'],
    methods: ['Agile', 'Scrum', 'PRINCE2', 'Risk Management', 'Budget Management', 'Requirements Gathering', 'Change Management', 'Stakeholder Engagement', 'Process Mapping', 'Vendor Management'],
    soft: SOFT,
    bullets: [
      'Delivered a {money} ERP implementation on time across {n} sites',
      'Ran planning and status reporting in {tool:Jira|Smartsheet|Microsoft Project|Asana|Trello} for a programme of {n} projects',
      'Facilitated sprint ceremonies for {team} cross-functional teams',
      'Reduced change request turnaround by {pct}% through a lighter governance process',
      'Wrote business requirements and process maps in {tool:Visio|Confluence} for a new claims platform',
      'Managed vendor contracts and a risk register reviewed monthly by the steering committee',
    ],
    summaries: [
      'Delivery-focused {title} with {years} years leading technology and transformation projects.',
      'Certified project professional ({years} years) who keeps complex programmes on scope, on time and well communicated.',
    ],
    objectives: ['Business graduate seeking a project coordinator role to build a career in project management.'],
    subjects: ['Business Administration', 'Information Systems', 'Management', 'Civil Engineering'],
    certs: ['Project Management Professional (PMP)', 'PRINCE2 Practitioner', 'Certified ScrumMaster (CSM)', 'PMI Agile Certified Practitioner (PMI-ACP)', 'ITIL 4 Foundation'],
  },
];

/** Academic publication topics by discipline (free-form titles). */
export const PUB_TOPICS: Record<string, string[]> = {
  'Molecular Biology': ['Regulation of autophagy in ageing fibroblasts', 'A CRISPR screen for modifiers of mitochondrial stress', 'Single-cell profiling of intestinal stem cells', 'Protein quality control in neurodegeneration'],
  Economics: ['Minimum wages and small-firm employment', 'Household debt and consumption after rate shocks', 'Trade exposure and regional labour markets', 'Measuring informality with satellite data'],
  Chemistry: ['Ligand design for selective nickel catalysis', 'Porous frameworks for carbon capture', 'Photoredox routes to fluorinated heterocycles', 'Solvent effects in enzyme mimics'],
  Sociology: ['Neighbourhood ties and youth employment', 'Digital platforms and care work', 'Migration, language and school choice', 'Trust in local government after austerity'],
  Physics: ['Edge states in twisted bilayer graphene', 'Cold-atom simulations of spin chains', 'Noise spectroscopy of superconducting qubits', 'Thermal transport in nanowire arrays'],
  'Public Health': ['Vaccine uptake among young adults', 'Air pollution and childhood asthma admissions', 'Sugar taxes and dietary change', 'Telehealth use in rural primary care'],
  Psychology: ['Working memory training in older adults', 'Sleep and emotional regulation in adolescents', 'Attention bias in social anxiety', 'Mindfulness and burnout in healthcare staff'],
};

export const JOURNALS: Record<string, string[]> = {
  'Molecular Biology': ['Cell Reports', 'EMBO Journal', 'Nature Cell Biology', 'Journal of Cell Science'],
  Economics: ['Journal of Labor Economics', 'Economic Journal', 'Journal of Public Economics', 'Review of Economic Studies'],
  Chemistry: ['Journal of the American Chemical Society', 'Angewandte Chemie', 'Chemical Science', 'ACS Catalysis'],
  Sociology: ['Sociology', 'American Sociological Review', 'British Journal of Sociology', 'Social Forces'],
  Physics: ['Physical Review B', 'Physical Review Letters', 'Nature Physics', 'New Journal of Physics'],
  'Public Health': ['The Lancet Public Health', 'BMJ Open', 'American Journal of Public Health', 'Preventive Medicine'],
  Psychology: ['Psychological Science', 'Journal of Experimental Psychology: General', 'Cognition', 'Emotion'],
};

export const familyById = (id: string): Family => {
  const f = FAMILIES.find((x) => x.id === id);
  if (!f) throw new Error(`unknown family ${id}`);
  return f;
};

/** Route schemas of the review page (api/routes/review.ts), for `/v2/openapi.json`; answers are not trimmed. */
const tags = ['review'];
const segmentParams = {
  type: 'object',
  properties: { segment: { type: 'string', description: 'The signed part of meta.reviewUrl: `<identifier>.<expires>.<token>`.' } },
} as const;
const json = (description: string, ref: string) => ({ description, content: { 'application/json': { schema: { $ref: `${ref}#` } } } });
const denied = json('The link is wrong, tampered with or expired, or the document is gone (`permission_denied`)', 'RequestError');

export const reviewPageSchema = {
  tags,
  summary: 'The review page (HTML), by the signed link in meta.reviewUrl',
  params: segmentParams,
  response: { 200: { description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } }, 403: { description: 'A page saying the link does not work', content: { 'text/html': { schema: { type: 'string' } } } } },
};

export const reviewDataSchema = {
  tags,
  summary: 'The reviewed document, as GET /v2/resumes/{identifier} answers it, with `review`',
  description: 'Besides the Resume, `review` (null when not known): `{unit: "pt", pages: [{pageIndex, width, height}], boxes: [{path, pageIndex, bbox}]}` — where each parsed value is printed, in points from the top left of the page as its image shows it; `path` is the value in ResumeData (`workExperience.0.jobTitle`). A value edited since it was parsed has no box. The API\'s own answers never carry it.',
  params: segmentParams,
  response: { 200: json('The Resume', 'Resume'), 403: denied },
};

export const reviewSaveSchema = {
  tags,
  summary: 'Save reviewed fields (PATCH semantics: top-level keys replace theirs)',
  description: 'Only name, emails, phoneNumbers, location, summary, workExperience, education, skills, languages, certifications and referees; each mistake is answered with the path of its field in `attr` (e.g. `workExperience.0.dates.startDate`).',
  params: segmentParams,
  body: { type: 'object' },
  response: { 200: json('The Resume after the save', 'Resume'), 400: json('Validation errors, one per field', 'RequestError'), 403: denied },
};

export const reviewVerifySchema = {
  tags,
  summary: 'Mark the document verified (meta.isVerified)',
  params: segmentParams,
  response: { 200: json('The Resume, verified', 'Resume'), 403: denied },
};

export const reviewAssetSchema = {
  tags,
  summary: 'The review page’s script and style sheet',
  params: { type: 'object', properties: { file: { type: 'string' } } },
};

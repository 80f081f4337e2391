/**
 * The pipeline, in order. Each component is small, named, and documented by what it creates.
 *
 *   extract     bytes → layout (pages, lines, words, boxes, fonts) in reading order
 *   segment     layout → typed sections
 *   understand  sections → ResumeData fields, each citing where in the text it was found
 *   enrich      ResumeData → normalised, derived and redacted values
 */
import type { Component } from './doc.ts';
import { extract } from './extract/index.ts';
import { sections } from './segment/sections.ts';
import { personal } from './understand/personal.ts';
import { work } from './understand/work.ts';
import { education } from './understand/education.ts';
import { certifications, languages, publications, skills, summary } from './understand/lists.ts';
import { referees } from './understand/referees.ts';
import { headshot } from './understand/headshot.ts';
import { phoneNumberDetails } from './enrich/contact-details.ts';
import { geocodeLocations } from './enrich/geocode.ts';
import { occupations } from './enrich/occupations.ts';
import { skillTaxonomy } from './enrich/skills.ts';
import { isResumeProbability } from './enrich/resume-probability.ts';
import { text } from './enrich/text.ts';
import { language } from './enrich/language.ts';

export const COMPONENTS: Component[] = [
  extract,
  sections,
  personal,
  summary,
  work,
  education,
  skills,
  languages,
  certifications,
  publications,
  referees,
  headshot,
  phoneNumberDetails,
  geocodeLocations,
  occupations,
  skillTaxonomy,
  isResumeProbability,
  language,
  text,
];

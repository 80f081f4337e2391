/** Phone numbers in every notation, read in the résumé's own country. */
import type { Component } from '../doc.ts';
import { phoneDetails } from './phones.ts';

export const phoneNumberDetails: Component = {
  name: 'phone-details',
  stage: 'enrich',
  creates: 'data.phoneNumberDetails (international format, country, national number)',
  run(doc) {
    doc.data.phoneNumberDetails = doc.data.phoneNumbers.map((raw) => phoneDetails(raw, doc.country));
  },
};

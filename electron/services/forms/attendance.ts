import type { FormData } from './form-data.js';

type Attendee = FormData['attendees'][number];

export interface AttendingAgency {
  agencyName: string;
  field: string;
  people: { title: string; personName: string }[];
}

/** Attendees grouped by agency, in the order the agencies first appear. */
export function attendingAgencies(attendees: Attendee[]): AttendingAgency[] {
  const byName = new Map<string, AttendingAgency>();
  for (const a of attendees) {
    const agency = byName.get(a.agencyName) ?? { agencyName: a.agencyName, field: a.field, people: [] };
    agency.people.push({ title: a.title, personName: a.personName });
    byName.set(a.agencyName, agency);
  }
  return [...byName.values()];
}

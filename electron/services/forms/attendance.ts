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

/** A numbered copy of the meeting's documents and the agency it goes to (rule 8). */
export interface DistributedCopy {
  number: number;
  agencyName: string;
}

/** One numbered copy per attending agency, numbered 1… in attendance order. */
export function copiesByAgency(data: FormData): DistributedCopy[] {
  return attendingAgencies(data.attendees).map((a, i) => ({ number: i + 1, agencyName: a.agencyName }));
}

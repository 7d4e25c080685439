import { type AttendeeSheet, parseAttendeeSheet } from './attendees-sheet.js';
import {
  attendeeSheet,
  householdSheet,
  meetingSheet,
  memberSheet,
  planSheet,
  relationSheet,
} from './columns.js';
import { type HouseholdRow, parseHouseholdSheet } from './households-sheet.js';
import type { KnownInDatabase } from './known.js';
import { type MeetingSheet, parseMeetingSheet, withFinalPlansFilled } from './meetings-sheet.js';
import { type LabelledMember, parseMemberSheet } from './members-sheet.js';
import { type PlanSheet, parsePlanSheet } from './plan-sheet.js';
import type { ReadFiles } from './read-files.js';
import { parseRelationSheet, type RelationRow, type RelationSheet } from './relations-sheet.js';
import { pickSheets } from './sheets.js';
import { readTable, SheetErrors } from './table.js';
import type { MeetingErrors, MeetingsToWrite } from './write-meetings.js';

export interface Validated {
  households: HouseholdRow[];
  members: Map<string, LabelledMember[]>;
  /** 家族関係 by 受付番号, by 記号. */
  relations: Map<string, RelationRow[]>;
  meetings: MeetingsToWrite;
  /** 分野 the 出席者 sheet gives for agencies not yet registered. */
  newAgencyFields: ReadonlyMap<string, string>;
  /** Open for the legal checks made while writing. */
  meetingErrors: MeetingErrors;
  /** Every error, in sheet order; call after writing. */
  errors: () => string[];
}

const noMeetings = (): MeetingSheet => ({
  meetings: [],
  named: new Map(),
  errors: new SheetErrors(meetingSheet.name),
});
const noAttendees = (): AttendeeSheet => ({
  byMeeting: new Map(),
  newAgencyFields: new Map(),
  errors: new SheetErrors(attendeeSheet.name),
});
const noPlan = (): PlanSheet => ({
  byMeeting: new Map(),
  withContent: new Set(),
  errors: new SheetErrors(planSheet.name),
});

const noRelations = (): RelationSheet => ({
  byCaseNo: new Map(),
  errors: new SheetErrors(relationSheet.name),
});

const noLabels: ReadonlySet<string> = new Set();

/** A household's 記号: from this import's 世帯員 sheet when the household is in it, else as registered. */
function memberLabelsOf(
  caseNo: string,
  importedCaseNos: ReadonlySet<string>,
  importedLabels: ReadonlyMap<string, ReadonlySet<string>>,
  known: KnownInDatabase,
): ReadonlySet<string> | null {
  if (importedCaseNos.has(caseNo)) return importedLabels.get(caseNo) ?? noLabels;
  if (known.caseNos.has(caseNo)) return known.memberLabels.get(caseNo) ?? noLabels;
  return null;
}

/** Every cell and every rule between rows and sheets that needs no writing, each sheet read once. */
export function validate(read: ReadFiles, known: KnownInDatabase): Validated {
  const picked = pickSheets(read.sheets);
  const households = picked.households
    ? parseHouseholdSheet(readTable(householdSheet, picked.households), known)
    : { households: [], caseNos: new Set<string>(), errors: [] };
  const members = picked.members
    ? parseMemberSheet(readTable(memberSheet, picked.members), households.caseNos, known.today)
    : { members: new Map<string, LabelledMember[]>(), labels: new Map<string, Set<string>>(), errors: [] };
  const relations = picked.relations
    ? parseRelationSheet(readTable(relationSheet, picked.relations), {
        caseNos: households.caseNos,
        labels: members.labels,
      })
    : noRelations();
  const meetings = picked.meetings
    ? parseMeetingSheet(readTable(meetingSheet, picked.meetings), households.caseNos, known)
    : noMeetings();
  const attendees = picked.attendees
    ? parseAttendeeSheet(readTable(attendeeSheet, picked.attendees), meetings.named, known)
    : noAttendees();
  const plan = picked.plan
    ? parsePlanSheet(readTable(planSheet, picked.plan), {
        meetings: meetings.named,
        labelsOf: (caseNo) => memberLabelsOf(caseNo, households.caseNos, members.labels, known),
      })
    : noPlan();
  const toWrite = withFinalPlansFilled(meetings, plan.withContent);
  // Copied out, so no closure below holds the raw sheets: they can be collected during the writes.
  const fileErrors = [...read.errors, ...picked.errors];
  return {
    households: households.households,
    members: members.members,
    relations: relations.byCaseNo,
    meetings: { meetings: toWrite, attendees: attendees.byMeeting, plan: plan.byMeeting },
    newAgencyFields: attendees.newAgencyFields,
    meetingErrors: { meetings: meetings.errors, attendees: attendees.errors },
    errors: () => [
      ...fileErrors,
      ...households.errors,
      ...members.errors,
      ...relations.errors.list(),
      ...meetings.errors.list(),
      ...attendees.errors.list(),
      ...plan.errors.list(),
    ],
  };
}

import type { Migration } from 'kysely/migration';
import * as vault from './0100-vault.js';
import * as households from './0200-households.js';
import * as defaultLists from './0210-default-lists.js';
import * as meetings from './0300-meetings.js';
import * as anchoredHead from './0500-anchored-head.js';
import * as meetingTexts from './0600-meeting-texts.js';
import * as distributedCopies from './0610-distributed-copies.js';
import * as family from './0700-family.js';
import * as caseNumberKey from './0800-case-number-key.js';
import * as searchFold from './0810-search-fold.js';
import * as corrections from './0820-corrections.js';
import * as meetingLifecycle from './0830-meeting-lifecycle.js';
import * as desk from './0900-desk.js';
import * as searchEveryLength from './1000-search-every-length.js';
import * as statisticsIndexes from './1020-statistics-indexes.js';
import * as meetingsAfterCovering from './1030-meetings-after-covering.js';
import * as searchKanaPlace from './1040-search-kana-place.js';
import * as searchReceivedPlace from './1041-search-received-place.js';
import * as householdPageCovering from './1042-household-page-covering.js';
import * as statusPeriods from './1060-status-periods.js';
import * as deskCovering from './1061-desk-covering.js';
import * as householdListRows from './1070-household-list-rows.js';
import * as householdLastActivity from './1080-household-last-activity.js';
import * as meetingsReported from './1081-meetings-reported.js';
import * as householdListRowsKeyed from './1090-household-list-rows-keyed.js';
import * as searchPlaceOrder from './1091-search-place-order.js';
import * as auditEventsWithoutSequence from './1100-audit-events-without-sequence.js';
import * as auditKindIndexWithoutViews from './1101-audit-kind-index-without-views.js';
import * as householdStatisticsRows from './1110-household-statistics-rows.js';
import * as statusOpenDays from './1111-status-open-days.js';

/**
 * Every schema step, in order. The number is the schema version written to `user_version`. A new
 * step takes a number above every step that any store may have run (shipped, or on main): a store
 * at the newest version skips a lower number added later, and kysely refuses a store that ran
 * a higher one first. Never edit a step that has shipped: add one.
 */
export const migrations: ReadonlyArray<{ version: number; name: string; migration: Migration }> = [
  { version: 100, name: '0100-vault', migration: vault },
  { version: 200, name: '0200-households', migration: households },
  { version: 210, name: '0210-default-lists', migration: defaultLists },
  { version: 300, name: '0300-meetings', migration: meetings },
  { version: 500, name: '0500-anchored-head', migration: anchoredHead },
  { version: 600, name: '0600-meeting-texts', migration: meetingTexts },
  { version: 610, name: '0610-distributed-copies', migration: distributedCopies },
  { version: 700, name: '0700-family', migration: family },
  { version: 800, name: '0800-case-number-key', migration: caseNumberKey },
  { version: 810, name: '0810-search-fold', migration: searchFold },
  { version: 820, name: '0820-corrections', migration: corrections },
  { version: 830, name: '0830-meeting-lifecycle', migration: meetingLifecycle },
  { version: 900, name: '0900-desk', migration: desk },
  { version: 1000, name: '1000-search-every-length', migration: searchEveryLength },
  { version: 1020, name: '1020-statistics-indexes', migration: statisticsIndexes },
  { version: 1030, name: '1030-meetings-after-covering', migration: meetingsAfterCovering },
  { version: 1040, name: '1040-search-kana-place', migration: searchKanaPlace },
  { version: 1041, name: '1041-search-received-place', migration: searchReceivedPlace },
  { version: 1042, name: '1042-household-page-covering', migration: householdPageCovering },
  { version: 1060, name: '1060-status-periods', migration: statusPeriods },
  { version: 1061, name: '1061-desk-covering', migration: deskCovering },
  { version: 1070, name: '1070-household-list-rows', migration: householdListRows },
  { version: 1080, name: '1080-household-last-activity', migration: householdLastActivity },
  { version: 1081, name: '1081-meetings-reported', migration: meetingsReported },
  { version: 1090, name: '1090-household-list-rows-keyed', migration: householdListRowsKeyed },
  { version: 1091, name: '1091-search-place-order', migration: searchPlaceOrder },
  { version: 1100, name: '1100-audit-events-without-sequence', migration: auditEventsWithoutSequence },
  { version: 1101, name: '1101-audit-kind-index-without-views', migration: auditKindIndexWithoutViews },
  { version: 1110, name: '1110-household-statistics-rows', migration: householdStatisticsRows },
  { version: 1111, name: '1111-status-open-days', migration: statusOpenDays },
];

export function assertStrictlyIncreasing(list: ReadonlyArray<{ version: number }>): void {
  list.forEach((m, i) => {
    const prev = list[i - 1];
    if (prev && m.version <= prev.version) {
      throw new Error(`migrations out of order: ${prev.version} then ${m.version}`);
    }
  });
}

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

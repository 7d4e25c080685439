import { afterAll, beforeAll, expect, it } from 'vitest';
import { officeDays } from '../services/testing/office-days.js';
import { fastKdf, tempDataDir } from '../services/testing/temp-data-dir.js';
import { VaultSession } from '../services/vault-session.js';
import { kasane, testPassphrase } from './testing/cli-run.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDataDir());
  const session = new VaultSession({
    dataDir: dir,
    via: 'cli',
    kdf: fastKdf,
    clock: () => new Date('2025-04-01T01:00:00Z'),
  });
  const { status } = await session.setup({ userName: '相談 花子', passphrase: testPassphrase });
  const office = officeDays(
    session.signedIn().store.db,
    { id: status.user?.id ?? '', name: '相談 花子' },
    dir,
  );
  const agency = await office.agency('2025-04-01', '第一地域包括支援センター', '高齢');
  const household = await office.household('2025-04-10', 'R7-001', '𠮷田');
  await office.status('2025-04-15', household, 'start');
  await office.meeting('2025-05-01', {
    householdId: household,
    kind: 'unconsented',
    meetingNo: 'R7-001-1',
    heldOn: '2025-05-20',
    startTime: '14:00',
    endTime: '15:30',
    place: '会議室',
    agenda: ['開会', '閉会'],
    handouts: [],
    attendees: [{ agencyId: agency, title: '相談員', personName: '担当 一', scopeReason: '' }],
    noticeNumber: null,
    issuedOn: '2025-05-01',
    replyBy: '2025-05-15',
  });
  await session.close();
});
afterAll(async () => cleanup());

it('due --json は課題の通りの形で、指定した日の時点の一覧を出す', () => {
  const run = kasane(['due', '--data-dir', dir, '--as-of', '2025-05-06', '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual({
    upcomingMeetings: [
      {
        meetingNo: 'R7-001-1',
        caseNo: 'R7-001',
        date: '2025-05-20',
        missing: ['noticeNotIssued', 'attendanceUnconfirmed'],
      },
    ],
    reportsMissing: [],
    plansUnconfirmed: [],
    reviewsDue: [],
    quietHouseholds: [],
    copiesOutstanding: [],
    backup: { lastOn: null },
  });
  const later = JSON.parse(kasane(['due', '--data-dir', dir, '--as-of', '2025-06-20', '--json']).stdout);
  expect(later.upcomingMeetings).toEqual([]);
  expect(later.reportsMissing).toEqual([{ meetingNo: 'R7-001-1', date: '2025-05-20' }]);
  expect(later.quietHouseholds).toEqual([{ caseNo: 'R7-001', lastActivityOn: '2025-05-20' }]);
});

it('due（JSONなし）は人が読む一覧を出し、日付の誤りは使い方の誤り（終了コード2）', () => {
  const run = kasane(['due', '--data-dir', dir, '--as-of', '2025-05-21']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('令和7年5月21日（水）の時点');
  expect(run.stdout).toContain('■ 会議報告（様式4）が未発行（1件）');
  expect(run.stdout).toContain('R7-001-1');
  const wrong = kasane(['due', '--data-dir', dir, '--as-of', '2025-02-30', '--json']);
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain('--as-of は存在する日付を YYYY-MM-DD で指定してください');
  expect(wrong.stdout).toBe('');
});

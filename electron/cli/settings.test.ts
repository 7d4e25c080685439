import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../services/audit.js';
import { defaultOfficeSettings } from '../services/office-settings.js';
import { tempDataDir } from '../services/testing/temp-data-dir.js';
import { initDataDir, kasane, withStore } from './testing/cli-run.js';

let root: string;
let cleanup: () => Promise<void>;
let dir: string;

const settingsEvents = () =>
  withStore(dir, (store) => listAuditEvents(store.db, { kind: 'settings.changed', limit: 100 }));

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDataDir());
  dir = join(root, 'data');
  await initDataDir(dir);
}, 120_000);
afterAll(async () => cleanup());

describe('管理コマンド settings（事務所の設定をスクリプトから）', () => {
  it('--json は契約の設定スキーマのキーで今の設定を出す', () => {
    const result = kasane(['settings', '--data-dir', dir, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(defaultOfficeSettings);
  });

  it('--set は設定画面と同じ検査で保存し、変えた項目だけを監査ログに残す（値は残さない）', async () => {
    const result = kasane([
      'settings',
      '--data-dir',
      dir,
      '--set',
      'municipalityName=鹿屋市',
      'senderTitle=鹿屋市保健福祉部福祉政策課長',
      'phone=0994-31-1113',
      'noticeStyle=officeMemo',
      'replyBusinessDays=5',
      'meetingLabels.unconsented=包括的支援会議',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('municipalityName=鹿屋市\n');
    expect(result.stdout).toContain('meetingLabels.unconsented=包括的支援会議\n');
    const saved = JSON.parse(kasane(['settings', '--data-dir', dir, '--json']).stdout);
    expect(saved).toMatchObject({
      municipalityName: '鹿屋市',
      phone: '0994-31-1113',
      noticeStyle: 'officeMemo',
      replyBusinessDays: 5,
      meetingLabels: { consented: '重層的支援会議', unconsented: '包括的支援会議' },
    });
    const events = await settingsEvents();
    expect(events).toHaveLength(1);
    expect(events[0]?.detail.fields).toEqual([
      'municipalityName',
      'senderTitle',
      'phone',
      'noticeStyle',
      'replyBusinessDays',
      'meetingLabels',
    ]);
    expect(JSON.stringify(events[0])).not.toContain('鹿屋市');
  });

  it('検査に通らない値や知らない項目は、項目名を挙げて断り（終了コード 2）、何も変えない', async () => {
    const before = kasane(['settings', '--data-dir', dir, '--json']).stdout;
    const cases = [
      [['replyBusinessDays=0'], 'replyBusinessDays: 1日以上にしてください'],
      [['noticeStyle=seal'], 'noticeStyle: 通知の様式を選んでください'],
      [['email=not-an-address'], 'email: メールアドレスの形式が正しくありません'],
      [['statisticsThreshold=2'], 'statisticsThreshold: 秘匿の基準は3以上にしてください'],
      [['contactPerson=相談 花子'], '不明な項目です: contactPerson'],
      [['municipalityName'], '「項目=値」の形で指定してください'],
    ] as const;
    for (const [pairs, message] of cases) {
      const result = kasane(['settings', '--data-dir', dir, '--set', ...pairs]);
      expect(result.code, pairs.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(kasane(['settings', '--data-dir', dir, '--json']).stdout).toBe(before);
    expect(await settingsEvents()).toHaveLength(1);
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ErrorCode, errorMessages } from '../ipc/errors.js';
import { exitCodeFor, exitCodeOfError, exitCodes } from './exit-codes.js';

/** The README's exit-code table: exit code → the error codes listed in its row. */
async function documented(): Promise<Map<number, string[]>> {
  const readme = await readFile(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('| exit | meaning | error codes |'));
  const rows = new Map<number, string[]>();
  for (const line of section.split('\n').slice(2)) {
    const match = /^\| (\d+) \| .* \| (.*) \|$/.exec(line);
    if (!match) break;
    rows.set(
      Number(match[1]),
      [...(match[2] ?? '').matchAll(/`([A-Z_]+)`/g)].map((m) => m[1] ?? ''),
    );
  }
  return rows;
}

describe('管理コマンドの終了コード', () => {
  it('README の表は、すべてのエラーコードをコードと同じ終了コードに載せている', async () => {
    const rows = await documented();
    const fromReadme: Record<string, number> = {};
    for (const [exit, codes] of rows) for (const code of codes) fromReadme[code] = exit;
    expect(fromReadme).toEqual(exitCodeOfError);
    expect(Object.keys(fromReadme).sort()).toEqual(Object.keys(errorMessages).sort());
  });

  it('README の表はすべての終了コードを説明している', async () => {
    expect([...(await documented()).keys()].sort((a, b) => a - b)).toEqual(
      Object.values(exitCodes).sort((a, b) => a - b),
    );
  });

  it('「見つからない」は検証失敗（1）ではなく 13、記録による拒否は 14', () => {
    expect(exitCodeFor('NOT_FOUND')).toBe(13);
    const refusals: ErrorCode[] = [
      'DUPLICATE_AGENCY',
      'RECORD_VOIDED',
      'STATUS_NOT_ALLOWED',
      'DUPLICATE_CASE_NO',
    ];
    for (const code of refusals) expect(exitCodeFor(code)).toBe(exitCodes.refusedByRecords);
    expect(exitCodeFor('AUDIT_BROKEN')).toBe(exitCodes.verificationFailed);
  });
});

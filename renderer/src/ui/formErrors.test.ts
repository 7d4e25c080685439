import { describe, expect, test } from 'vitest';
import { KasaneCallError } from '../api';
import { applyCallError } from './formErrors';

interface Values {
  name: string;
  caseNo: string;
  members: { name: string }[];
}

/** The calls react-hook-form's setError receives, in order. */
function recorder() {
  const calls: { field: string; message: string | undefined; focus: boolean | undefined }[] = [];
  const setError = (field: string, error: { message?: string }, options?: { shouldFocus?: boolean }) => {
    calls.push({ field, message: error.message, focus: options?.shouldFocus });
  };
  return { calls, setError };
}

const fields = ['name', 'caseNo', 'members.0.name', 'members.1.name'] as const;

describe('断られた呼び出しの誤りを、フォームの欄に出す', () => {
  test('欄の名前が付いた誤りはその欄に出し、最初の欄にだけフォーカスを移す', () => {
    const { calls, setError } = recorder();
    const error = new KasaneCallError('VALIDATION', '入力内容に誤りがあります。', {
      'members.1.name': '氏名を入力してください',
      caseNo: '受付番号は20文字以内です',
    });
    expect(applyCallError<Values>(error, setError, { fields })).toBeNull();
    expect(calls).toEqual([
      { field: 'members.1.name', message: '氏名を入力してください', focus: true },
      { field: 'caseNo', message: '受付番号は20文字以内です', focus: false },
    ]);
  });

  test('ひとつの欄に関わる誤りのコードは、その欄にコードのメッセージを出す', () => {
    const { calls, setError } = recorder();
    const error = new KasaneCallError('DUPLICATE_CASE_NO', 'この受付番号はすでに使われています。');
    const top = applyCallError<Values>(error, setError, { fields, codes: { DUPLICATE_CASE_NO: 'caseNo' } });
    expect(top).toBeNull();
    expect(calls).toEqual([
      { field: 'caseNo', message: 'この受付番号はすでに使われています。', focus: true },
    ]);
  });

  test('欄のないコードや、フォームにない欄の誤りは、フォームの上にメッセージとして返す', () => {
    const { calls, setError } = recorder();
    const notFound = new KasaneCallError('NOT_FOUND', '対象が見つかりません。');
    expect(applyCallError<Values>(notFound, setError, { fields })).toBe('対象が見つかりません。');
    const elsewhere = new KasaneCallError('VALIDATION', '入力内容に誤りがあります。', {
      name: '名前を入力してください',
      'settings.office': '見つかりません',
    });
    expect(applyCallError<Values>(elsewhere, setError, { fields })).toBe('入力内容に誤りがあります。');
    // The field that exists still shows its own message.
    expect(calls).toEqual([{ field: 'name', message: '名前を入力してください', focus: true }]);
  });

  test('かさねの処理に届かなかったときは、スタックではなく日本語の案内を返す', () => {
    const { calls, setError } = recorder();
    const top = applyCallError<Values>(new TypeError('fetch failed'), setError, { fields });
    expect(top).toMatch(/^かさねの内部処理に接続できませんでした。/);
    expect(calls).toEqual([]);
  });
});

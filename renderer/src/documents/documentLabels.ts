import type { DocumentKind } from '../../../electron/ipc/schemas/meetings';

export const documentKinds: readonly DocumentKind[] = ['form1', 'form2', 'form3', 'form4', 'form5'];

export const documentNumbers: Record<DocumentKind, number> = {
  form1: 1,
  form2: 2,
  form3: 3,
  form4: 4,
  form5: 5,
};

/** The 様式's title as printed; 様式1 and 2 carry the meeting's name (重層的支援会議 or 支援会議). */
export function documentTitle(document: DocumentKind, meetingLabel: string): string {
  switch (document) {
    case 'form1':
      return `${meetingLabel}開催通知`;
    case 'form2':
      return `${meetingLabel}会次第`;
    case 'form3':
      return '世帯支援プラン検討シート';
    case 'form4':
      return '会議報告シート';
    case 'form5':
      return '世帯支援プランシート';
  }
}

/** When each 様式 is used (forms.md). */
export const documentWhen: Record<DocumentKind, string> = {
  form1: '会議の前：出席機関ごとの通知',
  form2: '会議の前：次第と出席者名簿',
  form3: '会議の場：世帯員ごとの目標と検討内容',
  form4: '会議の後：機関内で共有する報告',
  form5: '会議の後：合意した支援プラン',
};

/** Errors after which retrying cannot help: each gets its own panel and next steps, no retry button. */
export const fatalUnlockErrors: Record<string, { title: string; steps: readonly string[] }> = {
  DATABASE_DAMAGED: {
    title: 'データベースファイルが開けません',
    steps: [
      'かさねを終了してください。データフォルダのファイルを削除したり、上書きしたりしないでください。',
      '管理者に連絡し、最新のバックアップから復元してもらってください。',
      '復元が終わったら、いつものパスフレーズでロックを解除できます。',
    ],
  },
  KEYSLOTS_DAMAGED: {
    title: '鍵ファイルが壊れています',
    steps: [
      'かさねを終了してください。鍵ファイル（keyslots.json）を編集・削除しないでください。',
      '管理者に連絡し、バックアップから鍵ファイルを復元してもらってください。',
      '回復コードも鍵ファイルの中にあるため、この状態では回復コードでも開けません。',
    ],
  },
  SCHEMA_TOO_NEW: {
    title: '新しいバージョンのかさねで作られたデータです',
    steps: [
      'データは変更されていません。ファイルを削除したり、古いバックアップで上書きしたりしないでください。',
      '管理者に連絡し、この端末のかさねを最新版に更新してもらってください。',
      '更新が終わったら、いつものパスフレーズでロックを解除できます。',
    ],
  },
};

/**
 * Error codes that cross the IPC edge (the renderer's `IpcResult.code`) and set the CLI's exit code.
 * Each has one Japanese message a coordinator can act on; a refusal may say more in its own message.
 * `VALIDATION` is only for input whose shape or a field's value is wrong, and then it names the field;
 * every refusal that comes from the records (a duplicate, a voided record, a state that does not
 * allow it) has its own code, so neither a form nor a script has to guess.
 */
export const errorMessages = {
  VALIDATION: '入力内容に誤りがあります。',
  NOT_INITIALIZED: 'まだ初期設定が行われていません。',
  ALREADY_INITIALIZED: 'このデータフォルダはすでに初期設定済みです。',
  WRONG_PASSPHRASE: 'パスフレーズが違います。入力し直してください。',
  WRONG_RECOVERY_CODE: '回復コードが違います。印刷・保管した回復コードを確認してください。',
  UNLOCK_BACKOFF: '失敗が続いたため、しばらく待ってから入力してください。',
  DATABASE_DAMAGED:
    'データベースファイルが壊れているため開けません。パスフレーズは正しく確認できました。最新のバックアップから復元してください。',
  KEYSLOTS_DAMAGED:
    '鍵ファイルが壊れています（keyslots.json）。パスフレーズの誤りではありません。バックアップの keyslots.json から復元してください。',
  RECORDS_LOST:
    '最新の記録の一部が失われています。最新のバックアップから復元するか、失われたことを確認したうえで使い続けるかを選んでください。それまでは記録を書き込みません。',
  DATA_FOLDER_IN_USE:
    'このデータフォルダは、別に起動しているかさねが使っています。アプリや他の管理コマンドを終了してから、もう一度実行してください。',
  USER_NAME_REQUIRED: '利用者が複数登録されています。利用者名を入力してください。',
  BACKUP_OF_OTHER_VAULT:
    'このバックアップは、いまのデータとは別の保管庫（別の事務所や、作り直す前のデータ）のものです。置き換える場合は、そのことを確かめてから --replace-vault を付けて実行してください。',
  AUDIT_BROKEN: '監査ログに改ざんを検出しました。',
  FILE_OPERATION_FAILED:
    'ファイルの読み書きに失敗しました。ディスクの空き容量と、ほかのプログラムがファイルを開いていないかを確認してください。',
  SCHEMA_TOO_NEW:
    'このデータは新しいバージョンのかさねで作成されています。データを守るため開きません。かさねを最新版に更新してください。',
  MIGRATION_HISTORY_MISMATCH:
    'このデータに記録された更新の履歴が、このバージョンのかさねの更新と合いません（試験版のかさねで開いたデータなど）。データを守るため、更新せずに閉じました。管理者に連絡してください。',
  LOCKED: 'ロックされています。パスフレーズを入力して解除してください。',
  NEEDS_ACKNOWLEDGEMENT: '守秘義務（社会福祉法第159条）の確認が済んでいません。',
  RECOVERY_PENDING: '回復コードで開いた後は、新しいパスフレーズを設定してください。',
  USER_EXISTS: '同じ名前の利用者がすでに登録されています。',
  USER_NOT_FOUND: '指定された利用者が見つかりません。',
  STALE_TEXT: '警告文が更新されました。表示し直した最新の文面を確認してください。',
  NOT_FOUND: '対象が見つかりません。削除されたか、別の画面で変更された可能性があります。',
  DUPLICATE_CASE_NO: 'この受付番号はすでに使われています。別の番号にしてください。',
  UNKNOWN_ISSUE: '登録されていない課題が含まれています。課題の一覧を確認してください。',
  AGENCY_IN_USE:
    'この機関は世帯や同意、支援経過で使われているため削除できません。「使用終了」にしてください。',
  IMPORT_FAILED:
    '取り込めませんでした。すべての誤りを直してから、もう一度取り込んでください（何も登録していません）。',
  DUPLICATE_MEETING_NO: 'この会議番号はすでに使われています。',
  CONSENT_REQUIRED: '本人同意がないため、重層的支援会議として開くことはできません。',
  OUT_OF_SCOPE: '本人同意の範囲に含まれない機関があります。出席させる理由を記録してください。',
  NAMES_REASON_REQUIRED: '支援会議の資料に実名を載せるには、その理由を記録してください。',
  OFFICE_SETTINGS_INCOMPLETE:
    '事務所の設定に仮の値や未入力の項目があるため、通知を作成できません。設定画面で入力してください。',
  NO_ADDRESSEES:
    '通知を送る出席機関がありません（事務所自身の課には送りません）。出席機関を登録してください。',
  INVALID_RELATIONS: '家族関係に誤りがあります。',
  COPIES_NEED_MEETING:
    '配布番号を付けた複数部は、会議の資料として出すときに作れます（会議の画面の「様式」から出してください）。',
  DRAWING_FONTS_MISSING:
    '家族構成図を画像にするためのフォント（BIZ UDゴシック）が見つかりません。BIZ UDゴシックをインストールしてから、もう一度お試しください。',
  COPY_DATE_OUT_OF_RANGE: '回収日・廃棄日は、配布した日から今日までの日付にしてください。',
  DUPLICATE_AGENCY: '同じ機関名・部署の機関がすでに登録されています。',
  DUPLICATE_ISSUE_TAG: 'その課題はすでに登録されています。',
  RECORD_VOIDED: 'この記録は取り消されています。取り消した記録は直せません。',
  ALREADY_WITHDRAWN: 'この同意はすでに撤回されています。',
  CONSENT_IN_USE: 'この同意の記録に基づいて重層的支援会議が開かれているため、このままでは直せません。',
  STATUS_NOT_ALLOWED: 'いまの世帯の状態では、この操作はできません。',
  STATUS_HISTORY_CONFLICT: 'この日付では状態の記録が続かなくなります。日付を確かめてください。',
  MEMBER_LIMIT: '世帯員の記号（A〜Z）を使い切りました。世帯員は26人までです。',
  PRINCIPAL_TWICE: '本人は世帯に1人だけです。',
  MEMBER_NOT_REMOVABLE:
    '登録済みの世帯員は削除できません。間違って登録した世帯員は、世帯の詳細で「取消」（理由を記録）にしてください。',
  MEETING_HOUSEHOLD_FIXED: '会議の世帯は変更できません。',
  MEETING_CANCELLED: '中止した会議は変更できません。',
  MEETING_HAS_DOCUMENTS:
    'この会議では文書を発行しているため削除できません。開かなかった会議は「中止」にしてください。',
  NOT_MIGRATED_DATA: 'この会議は移行データではないか、すでに完成させる対象になっています。',
  PLAN_FINAL:
    '確定した支援プランは変更できません。直すときは「確定を取り消す」で理由を記録してから変更してください。',
  PLAN_NOT_FINAL: 'この支援プランは確定していません。',
  PLAN_EMPTY: '目標か検討内容が1行もないプランは確定できません。',
  NOT_A_MEMBER: 'プランの行にこの世帯の世帯員でない人が含まれています。',
  NO_RECORDS_LOST: '失われた記録はありません。',
  NOT_RECOVERING: '回復の手続き中ではありません。',
  NOT_A_BACKUP: 'バックアップフォルダではないか、manifest.json が壊れています。',
  BACKUP_EXISTS: '同じ名前のバックアップがすでにあります。',
  MONITORING_DATE_OUT_OF_RANGE: '確認した日は、プランを決めた会議の日から今日までの日付にしてください。',
  PLAN_ROW_MONITORED:
    'モニタリングの記録がある行は、プランから削除できません。行の内容を直すか、記録を残したまま次の会議で見直してください。',
  EVALUATION_REQUIRED: '支援プランのある世帯を終結するには、プランの各行の達成状況を記録してください。',
  HANDOVER_REQUIRED: '包括的相談支援事業へ戻すときは、引継ぎ先の機関を選んでください。',
  CANCELLED: '中止しました。',
  JOB_RUNNING:
    'ほかの時間のかかる処理（取り込み・文書の作成など）が実行中です。終わるか中止してから、もう一度お試しください。',
  PREVIEW_EXPIRED: 'プレビューの有効期限が切れました。もう一度プレビューしてください。',
  FORBIDDEN_SENDER: 'この画面からは実行できない操作です。',
  INTERNAL: '予期しないエラーが発生しました。操作をやり直してください。続く場合は管理者に連絡してください。',
} as const;

export type ErrorCode = keyof typeof errorMessages;

/** What each kind of 経過 entry is called in the household's timeline. */
export const timelineKindLabels = {
  received: '受付',
  consentGranted: '同意',
  consentWithdrawn: '同意撤回',
  status: '状態',
  progressNote: '支援経過',
} as const;

/** The bench's search queries, of every folded length 1–6; 吉田 and 高橋 reach 𠮷田 and 髙橋 only through the 異体字 fold. */
export const benchQueries = [
  '𠮷',
  '田',
  '山田',
  '吉田',
  'よしだ',
  '高橋美',
  'たかはし',
  'なかむら',
  'やまざきみ',
  '髙橋 美咲',
  'たかはしけん',
  'さとうはなこ',
] as const;

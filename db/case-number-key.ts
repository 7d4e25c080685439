/**
 * 受付番号 as the office types it is kept; this key is what makes two numbers the same (rule 18):
 * NFKC (full width), every hyphen or minus look-alike as "-", 長音「ー」 between digits as "-",
 * lower case, no surrounding spaces. Ｃ２０２３－００１, c2023-001, C2023‐001 and C2023−001 are C2023-001.
 */
export function caseNoKey(caseNo: string): string {
  return caseNo
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/(?<=\d)\u30fc(?=\d)/g, '-')
    .toLowerCase()
    .trim();
}

/** Whether two 受付番号 name the same household. */
export const sameCaseNo = (a: string, b: string) => caseNoKey(a) === caseNoKey(b);

import { familySheetRasters } from './drawings/family-sheet.js';
import { type DrawingFonts, isKept, keepRasters, rasterKey } from './drawings/raster.js';
import type { FamilyDrawings } from './family.js';
import type { JobRunner } from './jobs/job-runner.js';

/**
 * The 別添資料's PNG fallbacks, made ahead of time: when the 世帯員 screen draws a household (on
 * opening, and again after each change), the job worker rasterises both drawings for every way the
 * document can name the members (real names; labels), so issuing it finds them made. They are kept
 * in memory only, under the keys the document looks them up by, dropped on lock and replaced when
 * the household's drawings change. Nothing waits for them: a document issued first waits for the
 * worker's PNGs, or makes its own if the worker could not.
 */
export function rasteriseAhead(
  jobs: JobRunner,
  call: { now: Date; user: { id: string; name: string } },
  householdId: string,
  variants: readonly FamilyDrawings[],
  fonts: DrawingFonts,
): void {
  // By key: the エコマップ names no member, so both ways of naming give the same one.
  const wanted = new Map<string, { svg: string; widthPx: number }>();
  for (const variant of variants) {
    const { genogram, ecoMap } = familySheetRasters(variant);
    for (const drawing of [genogram, ecoMap])
      wanted.set(rasterKey(drawing.svg, drawing.widthPx, fonts), drawing);
  }
  const missing = [...wanted].filter(([key]) => !isKept(key));
  const made =
    missing.length > 0
      ? jobs.run({ kind: 'drawings', drawings: missing.map(([, d]) => d), fonts }, call).then((r) => r.pngs)
      : Promise.resolve([]);
  const pngs = new Map(
    missing.map(([key], i) => [
      key,
      made.then((all) => {
        const png = all[i];
        if (!png) throw new Error('the job worker returned fewer PNGs than asked');
        return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
      }),
    ]),
  );
  keepRasters(householdId, [...wanted.keys()], pngs);
}

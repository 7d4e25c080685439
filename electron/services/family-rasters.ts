import { familySheetRasters } from './drawings/family-sheet.js';
import { type DrawingFonts, isKept, keepRasters, rasterKey, rastersSettled } from './drawings/raster.js';
import type { FamilyDrawings } from './family.js';
import type { JobRunner } from './jobs/job-runner.js';

/**
 * The 別添資料's PNG fallbacks, made ahead of time: when the 世帯員 screen draws a household (on
 * opening, and again after each change), the job worker rasterises both drawings for every way the
 * document can name the members (real names; labels), so issuing it finds them made. They are kept
 * in memory only, under the keys the document looks them up by, dropped on lock and replaced when
 * the household's drawings change. Nothing waits for them: a document issued first waits for the
 * worker's PNGs, or makes its own if the worker could not. One such job runs at a time: requests
 * that come meanwhile (a coordinator adding relations one after another) leave only the latest
 * waiting, so a quick series of edits costs one job more, not one each.
 */
export function rasteriseAhead(
  jobs: JobRunner,
  call: { now: Date; user: { id: string; name: string } },
  householdId: string,
  variants: readonly FamilyDrawings[],
  fonts: DrawingFonts,
): void {
  const start = () => {
    current = prepare(jobs, call, householdId, variants, fonts)
      // On failure the document makes its own PNGs (rasterise), as without this.
      .then(
        () => {},
        () => {},
      )
      .then(() => {
        const queued = waiting;
        waiting = null;
        current = null;
        queued?.();
      });
  };
  if (current) waiting = start;
  else start();
}

let current: Promise<void> | null = null;
let waiting: (() => void) | null = null;

/** Settles once no job of these runs or waits (for tests and the bench). */
export async function rasterisedAhead(): Promise<void> {
  while (current) await current;
  await rastersSettled();
}

/** Has the job worker make what the document will look for, and keeps it as it comes. */
function prepare(
  jobs: JobRunner,
  call: { now: Date; user: { id: string; name: string } },
  householdId: string,
  variants: readonly FamilyDrawings[],
  fonts: DrawingFonts,
): Promise<unknown> {
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
  return made;
}

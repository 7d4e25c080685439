import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The Debian package each tool comes from, named in the error when the tool is missing. */
const packages: Record<string, string> = {
  soffice: 'libreoffice-writer-nogui',
  pdftotext: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfimages: 'poppler-utils',
};

/** Maps the Windows font names the documents ask for to Debian's BIZ UD files (see fonts.conf). */
const fontconfig = fileURLToPath(new URL('./fonts.conf', import.meta.url));

function run(
  command: string,
  args: string[],
  timeoutMs = 60_000,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        timeout: timeoutMs,
        env: { ...process.env, FONTCONFIG_FILE: fontconfig },
      },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(
            new Error(
              `${command} is not installed: install the Debian package ${packages[command] ?? command}`,
            ),
          );
        } else if (error) {
          reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Converts every .docx to PDF in ONE LibreOffice run (its start-up is the slow part), with a throw-away
 * profile so it never touches the user's. PDFs land in `outDir` as `<name>.pdf`; the map gives their paths.
 */
export async function docxToPdf(
  files: { name: string; bytes: Uint8Array }[],
  outDir: string,
): Promise<Map<string, string>> {
  const names = new Set(files.map((f) => f.name));
  if (names.size !== files.length) throw new Error('docxToPdf: file names must be unique');
  for (const name of names) {
    if (!/^[A-Za-z0-9._-]+$/.test(name))
      throw new Error(`docxToPdf: unsafe file name ${JSON.stringify(name)}`);
  }
  const work = await mkdtemp(join(tmpdir(), 'kasane-soffice-'));
  try {
    const inputs = join(work, 'in');
    await mkdir(inputs);
    await mkdir(outDir, { recursive: true });
    const paths = await Promise.all(
      files.map(async (f) => {
        const path = join(inputs, `${f.name}.docx`);
        await writeFile(path, f.bytes);
        return path;
      }),
    );
    const profile = pathToFileURL(join(work, 'profile')).href;
    const { stderr } = await run(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${profile}`,
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...paths,
      ],
      300_000,
    );
    const pdfs = new Map(files.map((f) => [f.name, join(outDir, `${f.name}.pdf`)]));
    for (const [name, pdf] of pdfs) {
      if (!(await exists(pdf))) throw new Error(`LibreOffice did not convert ${name}.docx\n${stderr}`);
    }
    return pdfs;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Opens a CSV in LibreOffice Calc as UTF-8 (what its import dialog offers for a file with a BOM; the
 * headless filter needs it named) and prints it to PDF, so tests can read what Calc shows.
 */
export const csvToPdf = (bytes: Uint8Array, outDir: string) => csvInCalc(bytes, outDir, 'pdf');

/** The same, saved as .xlsx: tests read back whether Calc took each cell as text, number or formula. */
export const csvToXlsx = (bytes: Uint8Array, outDir: string) => csvInCalc(bytes, outDir, 'xlsx');

/** Opens an .xlsx in LibreOffice Calc and prints it to PDF with the sheet's own page set-up. */
export const xlsxToPdf = (bytes: Uint8Array, outDir: string) =>
  convertInCalc(bytes, outDir, { input: 'sheet.xlsx', to: 'pdf', what: 'the .xlsx' });

function csvInCalc(bytes: Uint8Array, outDir: string, to: 'pdf' | 'xlsx'): Promise<string> {
  return convertInCalc(bytes, outDir, { input: 'table.csv', to, what: 'the CSV', filter: 'CSV:44,34,76,1' });
}

/** Writes `bytes` as `input` in a private folder and has Calc convert it (own profile, no restore). */
async function convertInCalc(
  bytes: Uint8Array,
  outDir: string,
  how: { input: string; to: 'pdf' | 'xlsx'; what: string; filter?: string },
): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'kasane-soffice-'));
  try {
    const input = join(work, how.input);
    await writeFile(input, bytes);
    await mkdir(outDir, { recursive: true });
    const profile = pathToFileURL(join(work, 'profile')).href;
    const { stderr } = await run(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${profile}`,
        ...(how.filter ? [`--infilter=${how.filter}`] : []),
        '--convert-to',
        how.to,
        '--outdir',
        outDir,
        input,
      ],
      300_000,
    );
    const converted = join(outDir, `${basename(how.input, extname(how.input))}.${how.to}`);
    if (!(await exists(converted))) throw new Error(`LibreOffice did not open ${how.what}\n${stderr}`);
    return converted;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The PDF's text laid out as on the page (pdftotext -layout); pages are separated by \f. */
export async function pdfText(path: string): Promise<string> {
  return (await run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'])).stdout;
}

/** The PDF's text in drawing order (pdftotext -raw): a table cell's wrapped lines stay together. */
export async function pdfRawText(path: string): Promise<string> {
  return (await run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'])).stdout;
}

export interface PdfFont {
  /** As in the PDF, with the subset prefix: ABCDEF+BIZUDMincho-Regular. */
  name: string;
  /** Without the subset prefix: BIZUDMincho-Regular. */
  family: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** Fonts in the PDF as pdffonts lists them, read by the columns its dashed rule marks out. */
export async function pdfFonts(path: string): Promise<PdfFont[]> {
  const lines = (await run('pdffonts', [path])).stdout.split('\n');
  const rule = lines[1] ?? '';
  const columns: [number, number][] = [];
  for (const match of rule.matchAll(/-+/g)) columns.push([match.index, match.index + match[0].length]);
  return lines
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const field = (i: number) => {
        const [from, to] = columns[i] ?? [0, 0];
        return line.slice(from, i === columns.length - 1 ? undefined : to + 1).trim();
      };
      const name = field(0);
      return {
        name,
        family: name.replace(/^[A-Z]{6}\+/, ''),
        type: field(1),
        embedded: field(3) === 'yes',
        subset: field(4) === 'yes',
      };
    });
}

/** Page count and each page's size in points (pdfinfo). */
export async function pdfPages(
  path: string,
): Promise<{ pages: number; sizes: { width: number; height: number }[] }> {
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '100000', path]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? Number.NaN);
  const sizes = [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  return { pages, sizes };
}

/** The raster images on each page (pdfimages -list): size in pixels and resolution as placed. */
export async function pdfImages(
  path: string,
): Promise<{ page: number; type: string; width: number; height: number; xPpi: number; yPpi: number }[]> {
  const { stdout } = await run('pdfimages', ['-list', path]);
  return stdout
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 14)
    .map((cols) => ({
      page: Number(cols[0]),
      type: cols[2] ?? '',
      width: Number(cols[3]),
      height: Number(cols[4]),
      xPpi: Number(cols[12]),
      yPpi: Number(cols[13]),
    }));
}

/** Renders pages to PNG at 80 dpi (pdftoppm), all or `pages` only; returns the files written. */
export async function pdfToPng(
  path: string,
  outPrefix: string,
  pages: { first: number; last: number } | null = null,
): Promise<string[]> {
  await mkdir(dirname(outPrefix), { recursive: true });
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  await run('pdftoppm', ['-png', '-r', '80', ...range, path, outPrefix]);
  const prefix = basename(outPrefix).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const written = new RegExp(`^${prefix}-\\d+\\.png$`);
  return (await readdir(dirname(outPrefix)))
    .filter((f) => written.test(f))
    .sort()
    .map((f) => join(dirname(outPrefix), f));
}

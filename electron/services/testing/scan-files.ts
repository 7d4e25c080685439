import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] ?? 0, le[i] ?? 0];
  return le;
}

/** Every file under `dir` (recursively) whose bytes contain `needle` in UTF-8 or UTF-16 (LE or BE). */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const patterns = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le'), utf16be(needle)];
  const hits: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    if (patterns.some((p) => bytes.includes(p))) hits.push(path);
  }
  return hits;
}

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

export interface OutgoingFile {
  name: string;
  bytes: Buffer;
}

/**
 * What services need from the desktop, given by whoever runs them: Electron main (dialogs, the
 * default app), the test harness (a folder) or tests. Services never import electron.
 */
export interface Platform {
  /** Asks where to save the first file (a dialog in the app); the others go beside it. */
  saveFiles(request: {
    files: OutgoingFile[];
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ saved: boolean; fileNames: string[] }>;
  /** Writes the files to a private temporary folder and opens the first with its default app (Word). */
  openTemporarily(files: OutgoingFile[]): Promise<void>;
  /** Deletes every temporary file opened so far: called on lock and on exit. */
  discardTemporaryFiles(): Promise<void>;
  /** Asks for a folder to write into (a backup); null when the person cancels. */
  chooseFolder(request: { title: string }): Promise<string | null>;
}

/** Saves into one folder without asking: the test harness's "downloads" and unit tests use it. */
export function folderPlatform(folder: string): Platform {
  const temporary = join(folder, 'temporary');
  return {
    async saveFiles({ files }) {
      await mkdir(folder, { recursive: true });
      for (const f of files) await writeFile(join(folder, basename(f.name)), f.bytes);
      return { saved: true, fileNames: files.map((f) => basename(f.name)) };
    },
    async openTemporarily(files) {
      await mkdir(temporary, { recursive: true });
      for (const f of files) await writeFile(join(temporary, basename(f.name)), f.bytes);
    },
    async discardTemporaryFiles() {
      await rm(temporary, { recursive: true, force: true });
    },
    async chooseFolder() {
      return join(folder, 'backups');
    },
  };
}

import { rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions, shell } from 'electron';
import type { Platform } from '../services/platform.js';
import {
  sweepTemporaryDocuments,
  temporaryDocumentFolder,
  temporaryDocumentsRoot,
} from '../services/temporary-documents.js';

/**
 * What the services get from the desktop in the app: the OS save dialog and Word, modal to our
 * window. Created once at start, when it removes documents a crashed run left in the temp folder.
 */
export function electronPlatform(
  mainWindow: () => BrowserWindow | null,
  log: (line: string) => void = () => {},
  temporaryRoot: string = temporaryDocumentsRoot(),
): Platform {
  const temporaryDirs = new Set<string>();
  const swept = sweepTemporaryDocuments(temporaryRoot).then(
    (removed) => {
      if (removed.length > 0) log(`removed ${removed.length} temporary document folder(s) of earlier runs`);
    },
    (err: unknown) => log(`temporary documents sweep failed: ${(err as Error)?.name ?? 'unknown'}`),
  );
  return {
    async saveFiles({ files, filters }) {
      const [first, ...rest] = files;
      if (!first) return { saved: false, fileNames: [] };
      const options: SaveDialogOptions = { defaultPath: first.name, filters };
      const win = mainWindow();
      const { canceled, filePath } = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      if (canceled || !filePath) return { saved: false, fileNames: [] };
      await writeFile(filePath, first.bytes);
      for (const f of rest) await writeFile(join(dirname(filePath), basename(f.name)), f.bytes);
      // Names only: the renderer never learns where files are.
      return { saved: true, fileNames: [basename(filePath), ...rest.map((f) => basename(f.name))] };
    },
    async openTemporarily(files) {
      await swept;
      const dir = await temporaryDocumentFolder(temporaryRoot);
      temporaryDirs.add(dir);
      for (const f of files) await writeFile(join(dir, basename(f.name)), f.bytes, { mode: 0o600 });
      const first = files[0];
      if (first) {
        const error = await shell.openPath(join(dir, basename(first.name)));
        if (error) throw new Error('open failed');
      }
    },
    async discardTemporaryFiles() {
      for (const dir of temporaryDirs) await rm(dir, { recursive: true, force: true });
      temporaryDirs.clear();
    },
    async chooseFolder({ title }) {
      const options: OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] };
      const win = mainWindow();
      const { canceled, filePaths } = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      return canceled ? null : (filePaths[0] ?? null);
    },
  };
}

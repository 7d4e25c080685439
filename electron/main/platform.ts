import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import type { Platform } from '../services/platform.js';

/** What the services get from the desktop in the app: the OS save dialog, modal to our window. */
export function electronPlatform(mainWindow: () => BrowserWindow | null): Platform {
  return {
    async saveFile({ defaultName, bytes, filters }) {
      const options: SaveDialogOptions = { defaultPath: defaultName, filters };
      const win = mainWindow();
      const { canceled, filePath } = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      if (canceled || !filePath) return { saved: false, fileName: '' };
      await writeFile(filePath, bytes);
      // The name only: the renderer never learns where files are.
      return { saved: true, fileName: basename(filePath) };
    },
  };
}

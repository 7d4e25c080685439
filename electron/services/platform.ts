/**
 * What services need from the desktop, given by whoever runs them: Electron main (dialogs),
 * the test harness (a downloads folder) or tests. Services never import electron.
 */
export interface Platform {
  /** Asks where to save (a dialog in the app) and writes the bytes; `saved: false` when cancelled. */
  saveFile(request: {
    defaultName: string;
    bytes: Buffer;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ saved: boolean; fileName: string }>;
}

/** Saves into one folder without asking: the test harness's "downloads" and unit tests use it. */
export function folderPlatform(folder: string): Platform {
  return {
    async saveFile({ defaultName, bytes }) {
      const { mkdir, writeFile } = await import('node:fs/promises');
      const { basename, join } = await import('node:path');
      await mkdir(folder, { recursive: true });
      const fileName = basename(defaultName);
      await writeFile(join(folder, fileName), bytes);
      return { saved: true, fileName };
    },
  };
}

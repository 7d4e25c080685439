/** Files chosen for the import, read into memory as base64 (the same over IPC and the harness). */

export interface PickedFile {
  /** Two files may share a name (dropped from two folders): the list needs its own key. */
  id: string;
  name: string;
  size: number;
  base64: string;
}

export const maxFileBytes = 20 * 1024 * 1024;
/** The contract takes at most this many files at once (an .xlsx, or one CSV per sheet). */
export const maxFiles = 10;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} バイト`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function toBase64(bytes: Uint8Array): string {
  // btoa takes a "binary string"; build it in slices so large files do not overflow the call stack.
  const slice = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  }
  return btoa(binary);
}

export interface ReadResult {
  files: PickedFile[];
  /** One Japanese sentence per file that was not taken. */
  refused: string[];
}

export async function readPickedFiles(list: readonly File[]): Promise<ReadResult> {
  const refused: string[] = [];
  const files: PickedFile[] = [];
  for (const file of list) {
    if (files.length >= maxFiles) {
      refused.push(`一度に選べるファイルは${maxFiles}個までです。「${file.name}」は選ばれていません。`);
    } else if (file.size > maxFileBytes) {
      refused.push(
        `「${file.name}」は${formatSize(file.size)}あり、20MB を超えているため読み込めません。不要なシートや行を削除してください。`,
      );
    } else {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        files.push({ id: crypto.randomUUID(), name: file.name, size: file.size, base64: toBase64(bytes) });
      } catch {
        refused.push(
          `「${file.name}」を読み込めませんでした。ファイルを閉じてから、もう一度選んでください。`,
        );
      }
    }
  }
  return { files, refused };
}

export function bundledEntry(options: { root: string; entry: string; cacheDir: string }): Promise<string>;

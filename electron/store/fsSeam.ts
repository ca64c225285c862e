import * as fsp from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

/**
 * The file operations a durable write goes through. Only writes use this seam: it exists so tests
 * can count writes per file and inject failures (running as root makes chmod-based tests useless).
 */
export interface StoreFs {
  open(path: string, flags: string): Promise<FileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeFs: StoreFs = {
  open: (path, flags) => fsp.open(path, flags),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
};

/** The error code of a Node fs error, if any. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

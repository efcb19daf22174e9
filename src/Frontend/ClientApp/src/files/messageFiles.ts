import type { FileInfo } from '../api/files';

const noFiles: readonly FileInfo[] = [];

/** The server-owned `metadata.files` of a message (in the order the message names them), or none. */
export function filesOf(metadata: unknown): readonly FileInfo[] {
  let value = metadata;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return noFiles;
    }
  }
  if (!value || typeof value !== 'object') return noFiles;
  const files = (value as Record<string, unknown>).files;
  if (!Array.isArray(files)) return noFiles;
  return files.filter((f): f is FileInfo => Boolean(f) && typeof f === 'object' && typeof (f as FileInfo).fileId === 'string');
}

/** 1.2 MB, 340 KB, 12 B (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** 0:07, 3:25, 1:02:03. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Whether the server made this preview. */
export function hasPreview(file: FileInfo, preview: string): boolean {
  return Boolean(file.previews?.includes(preview));
}

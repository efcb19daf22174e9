// FileProcessed events for whoever waits on one file (an avatar before it is put in use).
import type { FileInfo } from '../api/files';

type Listener = (file: FileInfo) => void;

export class ProcessedFiles {
  private readonly listeners = new Set<Listener>();

  received(file: FileInfo): void {
    for (const listener of this.listeners) listener(file);
  }

  /** The file once its previews are made, or as it is after `timeoutMs` (a file without previews is still usable). */
  waitFor(file: FileInfo, timeoutMs: number): Promise<FileInfo> {
    if (file.status === 'ready') return Promise.resolve(file);
    return new Promise((resolve) => {
      const done = (result: FileInfo) => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(result);
      };
      const listener: Listener = (processed) => processed.fileId === file.fileId && done(processed);
      const timer = setTimeout(() => done(file), timeoutMs);
      this.listeners.add(listener);
    });
  }
}

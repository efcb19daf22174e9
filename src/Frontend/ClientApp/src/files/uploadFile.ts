// One file's way into storage: ask for a presigned upload, PUT the bytes (one request, or one per
// part for a large file), tell the server each part's ETag so a resume knows it, then complete.
import { ApiError } from '../api/errors';
import {
  completeFile,
  createFile,
  recordPart,
  resumeUpload,
  type FileInfo,
  type FilePurpose,
  type MultipartUpload,
  type PartEtag,
  type UploadPlan,
} from '../api/files';
import { xhrPut } from './xhrPut';

export interface UploadOptions {
  name: string;
  contentType: string;
  purpose: FilePurpose;
  signal: AbortSignal;
  onProgress: (sentBytes: number) => void;
  /** Called once the server gave the file its id (so a cancel can delete it and a retry resume it). */
  onCreated?: (fileId: string) => void;
  /** An earlier attempt's file id: resume that upload instead of starting again. */
  resumeFileId?: string | null;
}

/** Uploads and completes the file; throws the API's or storage's error (ApiError carries the problem). */
export async function uploadFile(body: Blob, options: UploadOptions): Promise<FileInfo> {
  let fileId = options.resumeFileId ?? null;
  let plan: UploadPlan;
  let done: PartEtag[] = [];
  let doneBytes = 0;
  if (fileId) {
    try {
      const resumed = await resumeUpload(fileId);
      plan = resumed.upload;
      done = resumed.uploadedParts.map((part) => ({ partNumber: part.partNumber, etag: part.etag }));
      doneBytes = resumed.uploadedParts.reduce((sum, part) => sum + part.size, 0);
    } catch (error) {
      // 409: it was completed after all (the answer to "complete" was lost); completing again answers the same File.
      if (error instanceof ApiError && error.status === 409) return completeFile(fileId);
      throw error;
    }
  } else {
    const created = await createFile({ name: options.name, size: body.size, contentType: options.contentType, purpose: options.purpose });
    fileId = created.fileId;
    options.onCreated?.(fileId);
    plan = created.upload;
  }
  options.signal.throwIfAborted();

  if (plan.method === 'PUT') {
    await xhrPut(plan.url, body, { headers: plan.headers, signal: options.signal, onProgress: options.onProgress });
    return completeFile(fileId);
  }
  const parts = await uploadParts(fileId, body, plan, done, doneBytes, options);
  return completeFile(fileId, parts);
}

async function uploadParts(
  fileId: string,
  body: Blob,
  plan: MultipartUpload,
  done: PartEtag[],
  doneBytes: number,
  options: UploadOptions,
): Promise<PartEtag[]> {
  const parts = [...done];
  let sent = doneBytes;
  options.onProgress(sent);
  for (const part of plan.parts) {
    if (parts.some((p) => p.partNumber === part.partNumber)) continue;
    const start = (part.partNumber - 1) * plan.partSize;
    const slice = body.slice(start, Math.min(start + plan.partSize, body.size));
    const base = sent;
    const { etag } = await xhrPut(part.url, slice, {
      signal: options.signal,
      onProgress: (bytes) => options.onProgress(base + bytes),
    });
    if (!etag) throw new Error('Storage did not say which part it stored (no ETag).');
    await recordPart(fileId, part.partNumber, etag);
    parts.push({ partNumber: part.partNumber, etag });
    sent = base + slice.size;
  }
  return parts.sort((a, b) => a.partNumber - b.partNumber);
}

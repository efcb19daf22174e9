/** What a PUT to storage answered: the ETag S3 gave the bytes (s3rver exposes it through CORS). */
export interface PutResult {
  etag: string | null;
}

/** Raised when the caller aborted the upload. */
export class UploadAbortedError extends Error {
  constructor() {
    super('Upload cancelled.');
    this.name = 'UploadAbortedError';
  }
}

/**
 * PUTs bytes to a presigned URL with XMLHttpRequest, for its upload progress events (fetch has none).
 * Nothing goes through the Frontend; the URL carries its own signature, so no token is sent.
 */
export function xhrPut(
  url: string,
  body: Blob,
  options: { headers?: Record<string, string> | null; signal: AbortSignal; onProgress: (sentBytes: number) => void },
): Promise<PutResult> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      reject(new UploadAbortedError());
      return;
    }
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    options.signal.addEventListener('abort', abort, { once: true });
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      // The browser sets these itself and refuses a script that tries.
      if (/^(host|content-length)$/i.test(name)) continue;
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => options.onProgress(event.loaded);
    xhr.onload = () => {
      options.signal.removeEventListener('abort', abort);
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress(body.size);
        resolve({ etag: xhr.getResponseHeader('ETag') });
      } else {
        reject(new Error(`Storage refused the upload (${xhr.status}).`));
      }
    };
    xhr.onerror = () => {
      options.signal.removeEventListener('abort', abort);
      reject(new Error('The upload was interrupted. Check your connection and retry.'));
    };
    xhr.onabort = () => reject(new UploadAbortedError());
    xhr.send(body);
  });
}

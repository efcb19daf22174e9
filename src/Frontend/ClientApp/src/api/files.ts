// Files over HTTP (docs/protocol.md, "Files"): the Frontend only signs and checks; bytes go
// straight between the browser and object storage through presigned URLs.
import { apiFetch, query } from './http';

export type FileKind = 'image' | 'video' | 'audio' | 'document';
export type FilePurpose = 'message' | 'avatar' | 'story';

/** Media facts the server read from the bytes; every field is optional. */
export interface FileMedia {
  width?: number;
  height?: number;
  durationMs?: number;
  /** A tiny blurred WebP as a data: URL, shown until a thumbnail loads. */
  placeholder?: string;
  /** 64 levels 0–255. */
  waveform?: number[];
  pages?: number;
}

/** The server's `File`. */
export interface FileInfo {
  fileId: string;
  ownerId: string;
  name: string;
  size: number;
  contentType: string;
  kind: FileKind;
  purpose: FilePurpose;
  status: 'pending' | 'processing' | 'ready';
  createdAt: string;
  media?: FileMedia | null;
  /** The thumbnail sizes that exist: '320', '1280', '96', '512', 'poster', 'web'. */
  previews?: string[] | null;
}

export interface SinglePutUpload {
  method: 'PUT';
  url: string;
  headers?: Record<string, string> | null;
  expiresAt: string;
}

export interface MultipartUpload {
  method: 'multipart';
  partSize: number;
  parts: { partNumber: number; url: string }[];
  expiresAt: string;
}

export type UploadPlan = SinglePutUpload | MultipartUpload;

export interface CreatedFile {
  fileId: string;
  upload: UploadPlan;
}

export interface ResumedUpload {
  fileId: string;
  status: string;
  upload: UploadPlan;
  uploadedParts: { partNumber: number; etag: string; size: number }[];
}

export interface PartEtag {
  partNumber: number;
  etag: string;
}

export interface SignedUrl {
  url: string;
  expiresAt: string;
}

export interface StorageUse {
  usedBytes: number;
  reservedBytes: number;
  quotaBytes: number;
  fileCount: number;
}

export interface ConversationFileItem {
  seq: number;
  senderId: string;
  sentAt: string;
  file: FileInfo;
}

export interface ConversationFilesPage {
  items: ConversationFileItem[];
  nextBefore: number | null;
}

/** What of a file to fetch: the file itself, a thumbnail, or a video's web rendition. */
export type FileVariant = 'original' | 'download' | 'web' | `thumbnail/${'320' | '1280' | '96' | '512' | 'poster'}`;

const filePath = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;

export const createFile = (input: { name: string; size: number; contentType: string; purpose: FilePurpose }) =>
  apiFetch<CreatedFile>('/api/files', { method: 'POST', body: input });

export const resumeUpload = (fileId: string) => apiFetch<ResumedUpload>(`${filePath(fileId)}/upload`);

export const recordPart = (fileId: string, partNumber: number, etag: string) =>
  apiFetch<void>(`${filePath(fileId)}/parts/${partNumber}`, { method: 'PUT', body: { etag } });

export const completeFile = (fileId: string, parts?: PartEtag[]) =>
  apiFetch<FileInfo>(`${filePath(fileId)}/complete`, { method: 'POST', body: parts ? { parts } : {} });

export const deleteFile = (fileId: string) => apiFetch<void>(filePath(fileId), { method: 'DELETE' });

export const getFileInfo = (fileId: string) => apiFetch<FileInfo>(`${filePath(fileId)}/info`);

/** A presigned GET for the file or one of its previews (the JSON form of the 302). */
export function getSignedUrl(fileId: string, variant: FileVariant): Promise<SignedUrl> {
  const suffix =
    variant === 'original' ? '' : variant === 'download' ? '?download=1' : `/${variant}`;
  return apiFetch<SignedUrl>(`${filePath(fileId)}${suffix}`);
}

export const getStorageUse = () => apiFetch<StorageUse>('/api/users/me/storage');

export function getConversationFiles(
  conversationId: string,
  type: FileKind,
  before?: number | null,
  limit = 50,
): Promise<ConversationFilesPage> {
  const search = query({ type, before: before ?? undefined, limit });
  return apiFetch<ConversationFilesPage>(`/api/conversations/${encodeURIComponent(conversationId)}/files${search}`);
}

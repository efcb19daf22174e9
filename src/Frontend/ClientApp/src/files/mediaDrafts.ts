// How ready attachments become messages (docs/protocol.md, the SendMessage types): photos and videos
// together as one image/video or an album of 2–10, audio as audio, a recording as voice, anything
// else as a document; each its own message except albums. The caption goes with the first.
import type { FileInfo } from '../api/files';

export const MAX_ALBUM_ITEMS = 10;

export interface MediaDraft {
  type: 'image' | 'video' | 'album' | 'audio' | 'voice' | 'document';
  content: string;
  metadata: Record<string, unknown>;
  /** The files, for showing the message before the server's copy (with metadata.files) arrives. */
  files: FileInfo[];
}

export interface ReadyFile {
  info: FileInfo;
  voiceDurationMs: number | null;
}

function single(file: ReadyFile): Omit<MediaDraft, 'content'> {
  const { info } = file;
  if (file.voiceDurationMs !== null && info.kind === 'audio') {
    const durationMs = info.media?.durationMs ?? file.voiceDurationMs;
    return { type: 'voice', metadata: { fileId: info.fileId, durationMs: Math.round(durationMs) }, files: [info] };
  }
  switch (info.kind) {
    case 'image':
    case 'video': {
      const size = info.media?.width && info.media?.height ? { width: info.media.width, height: info.media.height } : {};
      return { type: info.kind, metadata: { fileId: info.fileId, ...size }, files: [info] };
    }
    case 'audio':
      return { type: 'audio', metadata: { fileId: info.fileId, durationMs: Math.round(info.media?.durationMs ?? 0) }, files: [info] };
    default:
      return { type: 'document', metadata: { fileId: info.fileId, fileName: info.name }, files: [info] };
  }
}

export function draftMessages(files: readonly ReadyFile[], caption: string): MediaDraft[] {
  const visual = files.filter((f) => f.voiceDurationMs === null && (f.info.kind === 'image' || f.info.kind === 'video'));
  const others = files.filter((f) => !visual.includes(f));
  const drafts: Omit<MediaDraft, 'content'>[] = [];
  for (let i = 0; i < visual.length; i += MAX_ALBUM_ITEMS) {
    const chunk = visual.slice(i, i + MAX_ALBUM_ITEMS);
    if (chunk.length === 1) drafts.push(single(chunk[0]));
    else {
      drafts.push({
        type: 'album',
        metadata: { items: chunk.map((f) => ({ fileId: f.info.fileId })) },
        files: chunk.map((f) => f.info),
      });
    }
  }
  for (const file of others) drafts.push(single(file));
  return drafts.map((draft, index) => ({ ...draft, content: index === 0 ? caption : '' }));
}

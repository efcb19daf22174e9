import type { FileInfo } from '../api/files';
import './files.css';
import { AudioPlayer } from './AudioPlayer';
import { DocumentCard } from './DocumentCard';
import { MediaGrid } from './MediaGrid';
import { VideoPlayer } from './VideoPlayer';

/** What a media message shows, from its `metadata.files`: the type decides, the file's kind refines. */
export function MessageMedia({ type, files }: { type: string; files: readonly FileInfo[] }) {
  if (files.length === 0) return null;
  if (type === 'album' || type === 'image') return <MediaGrid files={files} />;
  const [file] = files;
  if (type === 'video' && file.kind === 'video') return <VideoPlayer file={file} />;
  if ((type === 'audio' || type === 'voice') && file.kind === 'audio') return <AudioPlayer file={file} voice={type === 'voice'} />;
  return (
    <div className="document-list">
      {files.map((f) => (
        <DocumentCard key={f.fileId} file={f} />
      ))}
    </div>
  );
}

import { useState } from 'react';
import type { FileInfo } from '../api/files';
import { describeError } from '../api/errors';
import { DownloadIcon } from '../ui/icons';
import { FileTypeIcon } from './FileTypeIcon';
import { formatBytes, hasPreview } from './messageFiles';
import { downloadFile } from './signedUrls';
import { useSignedUrl } from './useSignedUrl';

/** The short type a person recognises: "PDF", "ZIP", else the name's extension. */
function typeLabel(file: FileInfo): string {
  if (file.contentType === 'application/pdf') return 'PDF';
  const extension = /\.([a-z0-9]{1,8})$/i.exec(file.name)?.[1];
  return extension ? extension.toUpperCase() : file.contentType.split('/')[1]?.toUpperCase() ?? 'File';
}

/**
 * A file as a card: type icon, name, size and type, and a download button. A PDF shows its first
 * page (thumbnail/320) above, which downloads it too.
 */
export function DocumentCard({ file }: { file: FileInfo }) {
  const [error, setError] = useState<string | null>(null);
  const preview = useSignedUrl(hasPreview(file, '320') ? file.fileId : null, 'thumbnail/320').url;
  const download = () => {
    setError(null);
    downloadFile(file.fileId, file.name).catch((err: unknown) => setError(describeError(err)));
  };
  return (
    <div className="document-card" data-testid="document-card" data-file-id={file.fileId}>
      {preview && (
        <button type="button" className="document-preview" onClick={download} aria-label={`Open ${file.name}`} data-testid="document-preview">
          <img src={preview} alt="" />
        </button>
      )}
      <div className="document-row">
        <FileTypeIcon contentType={file.contentType} />
        <span className="document-text">
          <span className="document-name" data-testid="document-name">
            {file.name}
          </span>
          <span className="muted document-facts">
            {formatBytes(file.size)} · {typeLabel(file)}
          </span>
        </span>
        <button type="button" className="icon-button" aria-label={`Download ${file.name}`} onClick={download} data-testid="document-download">
          <DownloadIcon />
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}



import type { CSSProperties } from 'react';
import type { FileInfo } from '../api/files';
import { PlayIcon } from '../ui/icons';
import { formatDuration, hasPreview } from './messageFiles';
import { useSignedUrl } from './useSignedUrl';

interface Props {
  file: FileInfo;
  /** 1280 for a single picture, 320 for an album's tiles. */
  size: '320' | '1280';
  label: string;
  onOpen: () => void;
}

/**
 * A photo or a video's poster as a button that opens the lightbox. The box has the picture's aspect
 * ratio from `media` from the start, filled with the blurred placeholder, so the log does not jump
 * when the thumbnail arrives.
 */
export function MediaThumb({ file, size, label, onOpen }: Props) {
  const media = file.media ?? {};
  // A file still being processed when its message was sent names no previews yet: ask anyway, a few times.
  const processing = file.status !== 'ready';
  const preview = hasPreview(file, size) ? size : hasPreview(file, '320') || processing ? '320' : null;
  const { url } = useSignedUrl(preview ? file.fileId : null, `thumbnail/${preview ?? '320'}`, true, processing ? 15 : 0);
  const ratio = media.width && media.height ? `${media.width} / ${media.height}` : '4 / 3';
  const style = { aspectRatio: ratio, backgroundImage: media.placeholder ? `url("${media.placeholder}")` : undefined } as CSSProperties;
  return (
    <button
      type="button"
      className="media-thumb"
      style={style}
      onClick={onOpen}
      aria-label={label}
      data-testid="media-thumb"
      data-file-id={file.fileId}
      data-loaded={url ? 'true' : 'false'}
    >
      {url && <img src={url} alt="" draggable={false} data-testid="media-thumb-image" />}
      {file.kind === 'video' && (
        <span className="media-thumb-play" aria-hidden="true">
          <PlayIcon />
          {media.durationMs ? <span>{formatDuration(media.durationMs)}</span> : null}
        </span>
      )}
    </button>
  );
}

import type { CSSProperties } from 'react';
import type { FileInfo } from '../api/files';
import { hasPreview } from './messageFiles';
import { useSignedUrl } from './useSignedUrl';

/** A video inline: the web rendition (H.264/AAC, ≤ 720p, or the original), its poster frame first. */
export function VideoPlayer({ file }: { file: FileInfo }) {
  const { url, failed } = useSignedUrl(file.fileId, 'web', false);
  const poster = useSignedUrl(hasPreview(file, 'poster') ? file.fileId : null, 'thumbnail/poster').url;
  const media = file.media ?? {};
  const style = { aspectRatio: media.width && media.height ? `${media.width} / ${media.height}` : '16 / 9' } as CSSProperties;
  if (failed) return <p className="muted">This video is not available.</p>;
  return (
    <div className="video-player" style={style}>
      {url && (
        <video
          src={url}
          poster={poster ?? media.placeholder ?? undefined}
          controls
          preload="metadata"
          aria-label={`Video: ${file.name}`}
          data-testid="video-player"
        />
      )}
    </div>
  );
}

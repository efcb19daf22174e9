import type { FileInfo } from '../api/files';
import { Lightbox } from './Lightbox';
import { MediaThumb } from './MediaThumb';
import { useLightbox } from './useLightbox';

/** One photo or video large, or an album as a grid of up to 10 tiles; any tile opens the lightbox there. */
export function MediaGrid({ files }: { files: readonly FileInfo[] }) {
  const lightbox = useLightbox<HTMLDivElement>();
  const single = files.length === 1;
  return (
    <div ref={lightbox.tiles} className={`media-grid${single ? ' is-single' : ` count-${Math.min(files.length, 10)}`}`} data-testid="media-grid">
      {files.map((file, index) => (
        <MediaThumb
          key={file.fileId}
          file={file}
          size={single ? '1280' : '320'}
          label={`Open ${file.kind === 'video' ? 'video' : 'photo'} ${single ? '' : `${index + 1} of ${files.length} `}(${file.name})`}
          onOpen={() => lightbox.show(index)}
        />
      ))}
      {lightbox.open !== null && <Lightbox files={files} index={lightbox.open} onIndex={lightbox.setOpen} onClose={lightbox.close} />}
    </div>
  );
}

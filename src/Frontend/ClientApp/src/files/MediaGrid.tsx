import { useRef, useState } from 'react';
import type { FileInfo } from '../api/files';
import { Lightbox } from './Lightbox';
import { MediaThumb } from './MediaThumb';

/** One photo or video large, or an album as a grid of up to 10 tiles; any tile opens the lightbox there. */
export function MediaGrid({ files }: { files: readonly FileInfo[] }) {
  const [open, setOpen] = useState<number | null>(null);
  /** The tile that opened the lightbox gets focus back, whichever item was shown last. */
  const openedFrom = useRef(0);
  const opener = useRef<HTMLDivElement>(null);
  const single = files.length === 1;
  return (
    <div ref={opener} className={`media-grid${single ? ' is-single' : ` count-${Math.min(files.length, 10)}`}`} data-testid="media-grid">
      {files.map((file, index) => (
        <MediaThumb
          key={file.fileId}
          file={file}
          size={single ? '1280' : '320'}
          label={`Open ${file.kind === 'video' ? 'video' : 'photo'} ${single ? '' : `${index + 1} of ${files.length} `}(${file.name})`}
          onOpen={() => {
            openedFrom.current = index;
            setOpen(index);
          }}
        />
      ))}
      {open !== null && (
        <Lightbox
          files={files}
          index={open}
          onIndex={setOpen}
          onClose={() => {
            const index = openedFrom.current;
            setOpen(null);
            // Focus goes back to the tile that opened it.
            requestAnimationFrame(() => opener.current?.querySelectorAll<HTMLElement>('.media-thumb')[index]?.focus());
          }}
        />
      )}
    </div>
  );
}

import { useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { FileInfo } from '../api/files';
import { BackIcon, CloseIcon, DownloadIcon, ForwardIcon } from '../ui/icons';
import { hasPreview } from './messageFiles';
import { downloadFile } from './signedUrls';
import { useSignedUrl } from './useSignedUrl';

interface Props {
  files: readonly FileInfo[];
  index: number;
  onIndex: (index: number) => void;
  /** Closing: the caller puts focus back on what opened it. */
  onClose: () => void;
}

function LightboxItem({ file }: { file: FileInfo }) {
  const video = file.kind === 'video';
  const preview = hasPreview(file, '1280') ? 'thumbnail/1280' : 'original';
  const { url } = useSignedUrl(file.fileId, video ? 'web' : preview, !video);
  const poster = useSignedUrl(video && hasPreview(file, 'poster') ? file.fileId : null, 'thumbnail/poster').url;
  const media = file.media ?? {};
  if (video) {
    return url ? (
      <video className="lightbox-media" src={url} poster={poster ?? undefined} controls autoPlay data-testid="lightbox-video" />
    ) : null;
  }
  return url ? (
    <img
      className="lightbox-media"
      src={url}
      alt={file.name}
      width={media.width}
      height={media.height}
      data-testid="lightbox-image"
    />
  ) : (
    <p className="lightbox-loading">Loading…</p>
  );
}

/**
 * A photo or video full screen in a modal <dialog>: the arrow keys (and buttons) go through an
 * album, Escape closes, and the page behind is inert while it is open.
 */
export function Lightbox({ files, index, onIndex, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const file = files[index];

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    closeButton.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  function close() {
    if (ref.current?.open) ref.current.close();
    onClose();
  }

  const go = (step: number) => onIndex((index + step + files.length) % files.length);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && files.length > 1 && !(event.target instanceof HTMLVideoElement)) {
      event.preventDefault();
      go(event.key === 'ArrowRight' ? 1 : -1);
    }
  }

  if (!file) return null;
  return (
    <dialog
      ref={ref}
      className="lightbox"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      data-testid="lightbox"
      data-index={index}
    >
      <div className="lightbox-bar">
        <h2 id={titleId} className="lightbox-title">
          {file.name}
          {files.length > 1 && <span className="muted"> · {index + 1} of {files.length}</span>}
        </h2>
        <button type="button" className="icon-button" aria-label={`Download ${file.name}`} onClick={() => void downloadFile(file.fileId, file.name)}>
          <DownloadIcon />
        </button>
        <button ref={closeButton} type="button" className="icon-button" aria-label="Close" onClick={close} data-testid="lightbox-close">
          <CloseIcon />
        </button>
      </div>
      <div className="lightbox-stage">
        {files.length > 1 && (
          <button type="button" className="icon-button lightbox-step" aria-label="Previous" onClick={() => go(-1)} data-testid="lightbox-previous">
            <BackIcon />
          </button>
        )}
        <LightboxItem key={file.fileId} file={file} />
        {files.length > 1 && (
          <button type="button" className="icon-button lightbox-step" aria-label="Next" onClick={() => go(1)} data-testid="lightbox-next">
            <ForwardIcon />
          </button>
        )}
      </div>
    </dialog>
  );
}

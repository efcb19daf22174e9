import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { clampView, drawCrop, exportCrop, MAX_ZOOM, type CropView } from './cropGeometry';

const SIDE = 280;
const STEP = 10;

interface Props {
  file: Blob;
  onCropped: (blob: Blob) => void;
  onCancel: () => void;
}

/**
 * A modal square crop of a picture: drag (or the arrow keys) to move it, the slider (wheel, + and -)
 * to zoom; "Use photo" exports the square as a 512×512 JPEG.
 */
export function AvatarCropper({ file, onCropped, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<CropView>({ side: SIDE, zoom: 1, offsetX: 0, offsetY: 0 });
  const drag = useRef<{ x: number; y: number } | null>(null);
  const id = useId();

  useLayoutEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
    };
  }, []);

  useEffect(() => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => setImage(img);
    img.onerror = () => setError('This picture cannot be read. Choose another.');
    img.src = url;
    return () => URL.revokeObjectURL(url);
  }, [file]);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || !image) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = SIDE * ratio;
    element.height = SIDE * ratio;
    drawCrop(context, image, image.naturalWidth, image.naturalHeight, view, SIDE * ratio);
  }, [image, view]);

  const change = (next: Partial<CropView>) =>
    setView((current) => (image ? clampView(image.naturalWidth, image.naturalHeight, { ...current, ...next }) : current));

  function onPointerDown(event: PointerEvent<HTMLCanvasElement>) {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY };
  }

  function onPointerMove(event: PointerEvent<HTMLCanvasElement>) {
    const start = drag.current;
    if (!start) return;
    drag.current = { x: event.clientX, y: event.clientY };
    setView((current) =>
      image
        ? clampView(image.naturalWidth, image.naturalHeight, {
            ...current,
            offsetX: current.offsetX + event.clientX - start.x,
            offsetY: current.offsetY + event.clientY - start.y,
          })
        : current,
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLCanvasElement>) {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] };
    const move = moves[event.key];
    if (move) change({ offsetX: view.offsetX + move[0], offsetY: view.offsetY + move[1] });
    else if (event.key === '+' || event.key === '=') change({ zoom: view.zoom + 0.1 });
    else if (event.key === '-') change({ zoom: view.zoom - 0.1 });
    else return;
    event.preventDefault();
  }

  async function use() {
    if (!image) return;
    try {
      onCropped(await exportCrop(image, image.naturalWidth, image.naturalHeight, view));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog avatar-cropper"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      data-testid="avatar-cropper"
    >
      <h2 id={`${id}-title`}>Crop your photo</h2>
      <canvas
        ref={canvas}
        className="avatar-crop-canvas"
        style={{ width: SIDE, height: SIDE }}
        tabIndex={0}
        role="img"
        aria-label="Crop area: drag or use the arrow keys to move the photo, plus and minus to zoom"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
        onWheel={(e) => change({ zoom: view.zoom - Math.sign(e.deltaY) * 0.1 })}
        onKeyDown={onKeyDown}
        data-testid="avatar-crop-canvas"
      />
      <label className="avatar-zoom" htmlFor={`${id}-zoom`}>
        Zoom
        <input
          id={`${id}-zoom`}
          type="range"
          min={1}
          max={MAX_ZOOM}
          step={0.05}
          value={view.zoom}
          onChange={(e) => change({ zoom: Number(e.target.value) })}
          data-testid="avatar-zoom"
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="confirm-actions">
        <button type="button" className="secondary-button" onClick={onCancel} data-testid="avatar-crop-cancel">
          Cancel
        </button>
        <button type="button" className="primary-button" onClick={() => void use()} disabled={!image} data-testid="avatar-crop-save">
          Use photo
        </button>
      </div>
    </dialog>
  );
}

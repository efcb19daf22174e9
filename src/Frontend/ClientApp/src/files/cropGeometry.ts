// Where the picture sits in the square crop: it always covers the square (no empty corners), zoom
// scales it from "just covers" up to MAX_ZOOM, and the offset (in view pixels, from the centre) is
// kept within what the zoomed picture allows.
export const MAX_ZOOM = 4;

export interface CropView {
  /** The square's side, in the pixels the offset is measured in. */
  side: number;
  zoom: number;
  offsetX: number;
  offsetY: number;
}

export interface Placement {
  /** The picture's drawn width and height and its top-left corner, in view pixels. */
  width: number;
  height: number;
  x: number;
  y: number;
}

export function clampView(imageWidth: number, imageHeight: number, view: CropView): CropView {
  const zoom = Math.min(MAX_ZOOM, Math.max(1, view.zoom));
  const scale = Math.max(view.side / imageWidth, view.side / imageHeight) * zoom;
  const slackX = Math.max(0, (imageWidth * scale - view.side) / 2);
  const slackY = Math.max(0, (imageHeight * scale - view.side) / 2);
  return {
    side: view.side,
    zoom,
    offsetX: Math.min(slackX, Math.max(-slackX, view.offsetX)),
    offsetY: Math.min(slackY, Math.max(-slackY, view.offsetY)),
  };
}

export function placement(imageWidth: number, imageHeight: number, view: CropView): Placement {
  const scale = Math.max(view.side / imageWidth, view.side / imageHeight) * view.zoom;
  const width = imageWidth * scale;
  const height = imageHeight * scale;
  return { width, height, x: (view.side - width) / 2 + view.offsetX, y: (view.side - height) / 2 + view.offsetY };
}

/** Draws the crop into a square canvas of `size` pixels. */
export function drawCrop(context: CanvasRenderingContext2D, image: CanvasImageSource, imageWidth: number, imageHeight: number, view: CropView, size: number): void {
  const place = placement(imageWidth, imageHeight, view);
  const k = size / view.side;
  context.imageSmoothingQuality = 'high';
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  context.drawImage(image, place.x * k, place.y * k, place.width * k, place.height * k);
}

/** The crop as a size×size JPEG. */
export function exportCrop(image: CanvasImageSource, imageWidth: number, imageHeight: number, view: CropView, size = 512): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('This browser cannot draw pictures.'));
  drawCrop(context, image, imageWidth, imageHeight, view, size);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be made.'))), 'image/jpeg', 0.9),
  );
}

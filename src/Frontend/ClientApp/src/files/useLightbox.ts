import { useRef, useState, type RefObject } from 'react';

/**
 * Which item a lightbox over a set of `.media-thumb` tiles shows, and focus handed back on close to
 * the tile that opened it (whichever item was shown last), as a dialog should.
 */
export function useLightbox<T extends HTMLElement>(): {
  tiles: RefObject<T | null>;
  open: number | null;
  show: (index: number) => void;
  close: () => void;
  setOpen: (index: number) => void;
} {
  const [open, setOpen] = useState<number | null>(null);
  const openedFrom = useRef(0);
  const tiles = useRef<T>(null);
  const show = (index: number) => {
    openedFrom.current = index;
    setOpen(index);
  };
  const close = () => {
    const index = openedFrom.current;
    setOpen(null);
    requestAnimationFrame(() => tiles.current?.querySelectorAll<HTMLElement>('.media-thumb')[index]?.focus());
  };
  return { tiles, open, show, close, setOpen };
}

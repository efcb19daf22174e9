import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';

interface Position {
  x: number;
  y: number;
}

const MARGIN_PX = 8;
const KEY_STEP_PX = 16;
const KEY_STEP_LARGE_PX = 64;

/**
 * Left/top of a fixed element that can be dragged with a pointer (mouse, pen, touch) or moved with
 * the arrow keys while it has focus (Shift for larger steps). It always stays inside the viewport,
 * also when the window is resized. Starts in the bottom-right corner.
 */
export function useDraggablePosition(ref: RefObject<HTMLElement | null>, active: boolean) {
  const [position, setPosition] = useState<Position | null>(null);
  const drag = useRef<{ pointerId: number; dx: number; dy: number } | null>(null);

  const clamp = useCallback(
    (x: number, y: number): Position => {
      const el = ref.current;
      const width = el?.offsetWidth ?? 0;
      const height = el?.offsetHeight ?? 0;
      return {
        x: Math.round(Math.min(Math.max(MARGIN_PX, x), Math.max(MARGIN_PX, window.innerWidth - width - MARGIN_PX))),
        y: Math.round(Math.min(Math.max(MARGIN_PX, y), Math.max(MARGIN_PX, window.innerHeight - height - MARGIN_PX))),
      };
    },
    [ref],
  );

  useLayoutEffect(() => {
    if (!active) return;
    setPosition((p) => (p ? clamp(p.x, p.y) : clamp(window.innerWidth, window.innerHeight)));
    const onResize = () => setPosition((p) => (p ? clamp(p.x, p.y) : p));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [active, clamp]);

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    const el = ref.current;
    if (!active || !el || event.button !== 0) return;
    if ((event.target as HTMLElement).closest('button')) return;
    const rect = el.getBoundingClientRect();
    drag.current = { pointerId: event.pointerId, dx: event.clientX - rect.left, dy: event.clientY - rect.top };
    el.setPointerCapture?.(event.pointerId);
    event.preventDefault();
  };

  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    setPosition(clamp(event.clientX - current.dx, event.clientY - current.dy));
  };

  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    drag.current = null;
    ref.current?.releasePointerCapture?.(event.pointerId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!active || event.target !== event.currentTarget) return;
    const step = event.shiftKey ? KEY_STEP_LARGE_PX : KEY_STEP_PX;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    setPosition((p) => clamp((p?.x ?? 0) + move[0], (p?.y ?? 0) + move[1]));
  };

  return {
    position,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onKeyDown },
  };
}

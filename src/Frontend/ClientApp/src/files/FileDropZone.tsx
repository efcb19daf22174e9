import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import './files.css';

const hasFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');

/**
 * Files dragged over the conversation show a drop zone over it; dropping them attaches them.
 * The drag counter keeps the zone up while the pointer crosses child elements.
 */
export function FileDropZone({ onFiles, disabled, children }: { onFiles: (files: File[]) => void; disabled?: boolean; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  return (
    <div
      className="pane-messages"
      data-testid="drop-target"
      onDragEnter={(e) => {
        if (disabled || !hasFiles(e)) return;
        e.preventDefault();
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (disabled || !hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        depth.current = 0;
        setOver(false);
        if (disabled) return;
        const files = [...e.dataTransfer.files];
        if (files.length === 0) return;
        e.preventDefault();
        onFiles(files);
      }}
    >
      {children}
      {over && (
        <div className="drop-zone" aria-hidden="true" data-testid="drop-zone">
          <p>Drop files to send them</p>
        </div>
      )}
    </div>
  );
}

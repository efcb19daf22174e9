import { useRef } from 'react';
import { AttachIcon } from '../ui/icons';

/** A paperclip that opens the file picker (several files at once). */
export function AttachButton({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="icon-button composer-attach"
        aria-label="Attach files"
        title="Attach files"
        disabled={disabled}
        onClick={() => input.current?.click()}
        data-testid="composer-attach"
      >
        <AttachIcon />
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Cleared, so picking the same file again still fires a change.
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
        data-testid="composer-file-input"
      />
    </>
  );
}

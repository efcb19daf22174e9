import { useRef, useState } from 'react';
import { describeError } from '../api/errors';
import { useChatController } from '../store/ChatContext';
import { Avatar } from '../ui/Avatar';
import { AvatarCropper } from './AvatarCropper';
import './files.css';
import { PROCESSING_WAIT_MS } from './attachmentTray';
import { uploadFile } from './uploadFile';

interface Props {
  /** "Profile photo" or "Group photo". */
  label: string;
  name: string;
  seed: string;
  fileId: string | null;
  /** Puts the uploaded avatar in use (PATCH profile or conversation), or removes it with null. */
  onChange: (fileId: string | null) => Promise<void>;
  disabled?: boolean;
  testId: string;
}

/**
 * The current picture and a way to change it: pick an image, crop a square, upload it (purpose
 * avatar), wait briefly for its thumbnails, then put it in use. Remove goes back to initials.
 */
export function AvatarPicker({ label, name, seed, fileId, onChange, disabled, testId }: Props) {
  const controller = useChatController();
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<File | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload(blob: Blob) {
    setPicked(null);
    setError(null);
    setBusy('Uploading…');
    try {
      const info = await uploadFile(blob, {
        name: 'avatar.jpg',
        contentType: 'image/jpeg',
        purpose: 'avatar',
        // A small file: no cancel button (the dialog is gone by now).
        signal: new AbortController().signal,
        onProgress: (sent) => setBusy(`Uploading… ${Math.round((sent / blob.size) * 100)}%`),
      });
      setBusy('Preparing…');
      await controller.processedFiles.waitFor(info, PROCESSING_WAIT_MS);
      await onChange(info.fileId);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(null);
    }
  }

  async function remove() {
    setError(null);
    setBusy('Removing…');
    try {
      await onChange(null);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="avatar-picker" data-testid={testId}>
      <span className="avatar-large">
        <Avatar name={name} seed={seed} fileId={fileId} />
      </span>
      <div className="avatar-picker-actions">
        <span className="avatar-picker-label">{label}</span>
        <span>
          <button
            type="button"
            className="secondary-button"
            onClick={() => input.current?.click()}
            disabled={disabled || busy !== null}
            data-testid={`${testId}-choose`}
          >
            {fileId ? 'Change photo' : 'Choose photo'}
          </button>{' '}
          {fileId && (
            <button type="button" className="link-button" onClick={() => void remove()} disabled={disabled || busy !== null} data-testid={`${testId}-remove`}>
              Remove
            </button>
          )}
        </span>
        {busy && (
          <span className="muted" role="status">
            {busy}
          </span>
        )}
        {error && (
          <p className="form-error" role="alert" data-testid={`${testId}-error`}>
            {error}
          </p>
        )}
      </div>
      <input
        ref={input}
        type="file"
        accept="image/*"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) setPicked(file);
        }}
        data-testid={`${testId}-input`}
      />
      {picked && <AvatarCropper file={picked} onCropped={(blob) => void upload(blob)} onCancel={() => setPicked(null)} />}
    </div>
  );
}

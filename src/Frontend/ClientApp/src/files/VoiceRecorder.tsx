import { useEffect } from 'react';
import { CloseIcon, MicIcon, SendIcon } from '../ui/icons';
import { formatDuration } from './messageFiles';
import { useVoiceRecorder, type Recording } from './useVoiceRecorder';

/**
 * A microphone button; while recording, the elapsed time with a pulsing dot, a send button (stop and
 * send the voice note) and a cancel button (nothing is kept).
 */
export function VoiceRecorder({ onRecorded, onRecordingChange, disabled }: {
  onRecorded: (recording: Recording) => void;
  /** While recording, the composer hides its own send button (this one sends the note). */
  onRecordingChange: (recording: boolean) => void;
  disabled?: boolean;
}) {
  const recorder = useVoiceRecorder();
  const { recording } = recorder;
  useEffect(() => onRecordingChange(recording), [recording, onRecordingChange]);
  useEffect(() => () => onRecordingChange(false), [onRecordingChange]);
  if (!recorder.recording) {
    return (
      <>
        <button
          type="button"
          className="icon-button composer-record"
          aria-label="Record a voice message"
          title="Record a voice message"
          disabled={disabled || typeof MediaRecorder === 'undefined'}
          onClick={() => void recorder.start()}
          data-testid="composer-record"
        >
          <MicIcon />
        </button>
        {recorder.error && (
          <p className="form-error composer-error" role="alert" data-testid="record-error">
            {recorder.error}
          </p>
        )}
      </>
    );
  }
  return (
    <div className="voice-recording" role="status" data-testid="voice-recording">
      <span className="recording-dot" aria-hidden="true" />
      <span>
        Recording <span data-testid="recording-elapsed">{formatDuration(recorder.elapsedMs)}</span>
      </span>
      <button type="button" className="icon-button" aria-label="Cancel recording" onClick={recorder.cancel} data-testid="record-cancel">
        <CloseIcon />
      </button>
      <button
        type="button"
        className="send-button"
        aria-label="Send voice message"
        onClick={() =>
          void recorder.stop().then((recording) => {
            if (recording) onRecorded(recording);
          })
        }
        data-testid="record-send"
      >
        <SendIcon />
      </button>
    </div>
  );
}

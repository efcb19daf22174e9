import { useRef, useState } from 'react';
import type { FileInfo } from '../api/files';
import { PauseIcon, PlayIcon } from '../ui/icons';
import { formatDuration } from './messageFiles';
import { useSignedUrl } from './useSignedUrl';
import { Waveform } from './Waveform';

/** An audio file or voice note: play/pause, its waveform filling as it plays, and the time. */
export function AudioPlayer({ file, voice }: { file: FileInfo; voice: boolean }) {
  const { url, failed } = useSignedUrl(file.fileId, 'original', false);
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const [duration, setDuration] = useState((file.media?.durationMs ?? 0) / 1000);
  const label = voice ? 'voice message' : file.name;

  function toggle() {
    const element = audio.current;
    if (!element) return;
    if (element.paused) void element.play().catch(() => setPlaying(false));
    else element.pause();
  }

  const progress = duration > 0 ? Math.min(1, position / duration) : 0;
  return (
    <div className="audio-player" data-testid="audio-player" data-voice={voice ? 'true' : 'false'}>
      <button
        type="button"
        className="audio-toggle"
        aria-label={`${playing ? 'Pause' : 'Play'} ${label}`}
        onClick={toggle}
        disabled={!url}
        data-testid="audio-toggle"
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <span className="audio-body">
        {!voice && <span className="audio-name">{file.name}</span>}
        <Waveform levels={file.media?.waveform ?? []} progress={progress} />
        <span className="audio-time muted" data-testid="audio-time">
          {failed ? 'Not available' : playing || position > 0 ? formatDuration(position * 1000) : formatDuration(duration * 1000)}
        </span>
      </span>
      {url && (
        <audio
          ref={audio}
          src={url}
          preload="metadata"
          onPlay={() => setPlaying(true)}
          onPause={() => setPlaying(false)}
          onEnded={() => {
            setPlaying(false);
            setPosition(0);
          }}
          onTimeUpdate={(e) => setPosition(e.currentTarget.currentTime)}
          onLoadedMetadata={(e) => Number.isFinite(e.currentTarget.duration) && setDuration(e.currentTarget.duration)}
          data-testid="audio-element"
        />
      )}
    </div>
  );
}

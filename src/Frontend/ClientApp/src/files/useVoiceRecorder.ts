import { useCallback, useEffect, useRef, useState } from 'react';

export interface Recording {
  file: File;
  durationMs: number;
}

const PREFERRED_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm'];

function recorderType(): string | undefined {
  return PREFERRED_TYPES.find((type) => typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(type));
}

/** MediaRecorder around the microphone: start, the elapsed time, stop (the recording) or cancel (nothing). */
export function useVoiceRecorder() {
  const [recording, setRecording] = useState(false);
  const [elapsedMs, setElapsedMs] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const startedAt = useRef(0);
  const chunks = useRef<Blob[]>([]);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const release = useCallback(() => {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
    recorder.current?.stream.getTracks().forEach((track) => track.stop());
    recorder.current = null;
    setRecording(false);
  }, []);

  useEffect(() => () => {
    if (recorder.current?.state === 'recording') recorder.current.stop();
    release();
  }, [release]);

  const start = useCallback(async () => {
    setError(null);
    if (recorder.current) return;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const type = recorderType();
      const media = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      recorder.current = media;
      chunks.current = [];
      media.ondataavailable = (event) => {
        if (event.data.size) chunks.current.push(event.data);
      };
      startedAt.current = Date.now();
      setElapsedMs(0);
      timer.current = setInterval(() => setElapsedMs(Date.now() - startedAt.current), 250);
      media.start(250);
      setRecording(true);
    } catch (err) {
      release();
      setError(err instanceof DOMException && err.name === 'NotAllowedError' ? 'The microphone is not allowed for this page.' : 'No microphone to record with.');
    }
  }, [release]);

  /** Stops and hands back the recording (null when it was too short to keep). */
  const stop = useCallback((): Promise<Recording | null> => {
    const media = recorder.current;
    if (!media) return Promise.resolve(null);
    const durationMs = Date.now() - startedAt.current;
    return new Promise((resolve) => {
      media.onstop = () => {
        release();
        // The codec goes in the container, not in the declared type the server compares with its sniff.
        const type = (media.mimeType || 'audio/webm').split(';')[0];
        const extension = type === 'audio/ogg' ? 'ogg' : 'webm';
        const blob = new Blob(chunks.current, { type });
        resolve(blob.size && durationMs >= 300 ? { file: new File([blob], `voice-note.${extension}`, { type }), durationMs } : null);
      };
      // stop() delivers the last chunk before onstop.
      media.stop();
    });
  }, [release]);

  const cancel = useCallback(() => {
    const media = recorder.current;
    if (media && media.state !== 'inactive') {
      media.ondataavailable = null;
      media.onstop = null;
      media.stop();
    }
    release();
  }, [release]);

  return { recording, elapsedMs, error, start, stop, cancel };
}

// Screen sharing without renegotiation: the screen's track takes the camera's place on each
// connection's existing video sender (RTCRtpSender.replaceTrack), and the camera takes it back.

/** getDisplayMedia exists on desktop browsers; phones mostly lack it. */
export function screenShareSupported(): boolean {
  return typeof navigator.mediaDevices?.getDisplayMedia === 'function';
}

/** Asks the person what to share; rejects when they cancel the picker or the browser refuses. */
export async function captureScreen(): Promise<MediaStream> {
  return navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
}

/** Puts `track` on the video sender of every connection (a failure on one is logged, not fatal). */
export async function replaceOutgoingVideo(connections: Iterable<RTCPeerConnection>, track: MediaStreamTrack | null): Promise<void> {
  const work = [...connections].map(async (pc) => {
    const sender = pc.getSenders().find((s) => s.track?.kind === 'video');
    if (sender) await sender.replaceTrack(track).catch((error: unknown) => console.warn('replaceTrack failed', error));
  });
  await Promise.all(work);
}

import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { CallManager, RemotePeer } from './callManager';
import { useCallState } from './CallContext';

function StreamVideo({ stream, muted, testId, connectionState }: {
  stream: MediaStream | null;
  muted: boolean;
  testId: string;
  connectionState?: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (video && video.srcObject !== stream) video.srcObject = stream;
  }, [stream]);
  return (
    <video
      ref={ref}
      className={`call-video call-video-${muted ? 'local' : 'remote'}`}
      data-testid={testId}
      data-connection-state={connectionState}
      autoPlay
      playsInline
      muted={muted}
    />
  );
}

function RemoteVideo({ peer }: { peer: RemotePeer }) {
  return (
    <StreamVideo stream={peer.stream} muted={false} testId="call-remote-video" connectionState={peer.connectionState} />
  );
}

/** Ringing and in-call UI, rendered into the root-level call layer so it survives navigation. */
export function CallView({ manager }: { manager: CallManager }) {
  const state = useCallState(manager);
  const target = document.getElementById('call-layer') ?? document.body;
  let content = null;
  if (state.active) {
    content = (
      <section className="call-view" data-testid="call-view" data-call-state={state.active.state} aria-label="Call">
        <div className="call-videos">
          {state.peers.map((peer) => (
            <RemoteVideo key={peer.userId} peer={peer} />
          ))}
          {state.peers.length === 0 && <p className="call-waiting">Calling…</p>}
          <StreamVideo stream={state.localStream} muted testId="call-local-video" />
        </div>
        <div className="call-controls">
          <button type="button" className="secondary-button" data-testid="call-mute" aria-pressed={state.muted} onClick={() => manager.toggleMute()}>
            {state.muted ? 'Unmute' : 'Mute'}
          </button>
          {state.active.video && (
            <button type="button" className="secondary-button" data-testid="call-camera" aria-pressed={state.cameraOff} onClick={() => manager.toggleCamera()}>
              {state.cameraOff ? 'Camera on' : 'Camera off'}
            </button>
          )}
          <button type="button" className="primary-button call-danger" data-testid="call-hangup" onClick={() => void manager.hangUp()}>
            Hang up
          </button>
        </div>
      </section>
    );
  } else if (state.incoming) {
    content = (
      <div className="call-incoming" role="alertdialog" aria-label="Incoming call" data-testid="call-incoming">
        <p>Incoming {state.incoming.video ? 'video' : 'voice'} call</p>
        <div className="call-controls">
          <button type="button" className="primary-button" data-testid="call-accept" onClick={() => void manager.accept()}>
            Accept
          </button>
          <button type="button" className="primary-button call-danger" data-testid="call-reject" onClick={() => void manager.reject()}>
            Decline
          </button>
        </div>
      </div>
    );
  }
  return content ? createPortal(content, target) : null;
}

import { useEffect, useRef, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import {
  HangUpIcon,
  MicIcon,
  MicOffIcon,
  MinimizeIcon,
  RestoreIcon,
  ScreenShareIcon,
  ScreenShareOffIcon,
  VideoIcon,
  VideoOffIcon,
} from '../ui/icons';
import { CallControl } from './CallControl';
import type { CallManager, RemotePeer } from './callManager';
import { useCallState } from './CallContext';
import { CallTimer } from './CallTimer';
import { IncomingCallPrompt } from './IncomingCallPrompt';
import { useDraggablePosition } from './useDraggablePosition';

function StreamVideo({ stream, muted, testId, connectionState, className }: {
  stream: MediaStream | null;
  muted: boolean;
  testId: string;
  connectionState?: string;
  className?: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (video && video.srcObject !== stream) video.srcObject = stream;
  }, [stream]);
  return (
    <video
      ref={ref}
      className={`call-video call-video-${muted ? 'local' : 'remote'}${className ? ` ${className}` : ''}`}
      data-testid={testId}
      data-connection-state={connectionState}
      autoPlay
      playsInline
      muted={muted}
    />
  );
}

function RemoteVideo({ peer }: { peer: RemotePeer }) {
  const video = <StreamVideo stream={peer.stream} muted={false} testId="call-remote-video" connectionState={peer.connectionState} />;
  if (!peer.screenSharing) return video;
  return (
    <div className="call-remote-screen">
      {video}
      <p className="call-badge" data-testid="call-remote-sharing">
        Sharing their screen
      </p>
    </div>
  );
}

/**
 * Ringing and in-call UI, rendered into the root-level call layer so it survives navigation. A call
 * is full screen or minimised to a picture-in-picture widget; the same video elements stay mounted
 * either way, so playback never restarts.
 */
export function CallView({ manager }: { manager: CallManager }) {
  const state = useCallState(manager);
  const target = document.getElementById('call-layer') ?? document.body;
  const section = useRef<HTMLElement>(null);
  const minimizeButton = useRef<HTMLButtonElement>(null);
  const minimized = Boolean(state.active && state.minimized);
  const { position, handlers } = useDraggablePosition(section, minimized);

  // Focus follows the call: onto the widget when minimised (arrow keys move it), back to the button when restored.
  const wasMinimized = useRef(false);
  useEffect(() => {
    if (minimized && !wasMinimized.current) section.current?.focus();
    if (!minimized && wasMinimized.current) minimizeButton.current?.focus();
    wasMinimized.current = minimized;
  }, [minimized]);

  let content = null;
  if (state.active) {
    const style: CSSProperties | undefined = minimized && position ? { left: position.x, top: position.y } : undefined;
    content = (
      <section
        ref={section}
        className={`call-view${minimized ? ' is-minimized' : ''}`}
        data-testid="call-view"
        data-call-state={state.active.state}
        data-minimized={minimized ? 'true' : 'false'}
        aria-label={minimized ? 'Call, minimised. Arrow keys move it.' : 'Call'}
        aria-roledescription={minimized ? 'picture-in-picture' : undefined}
        tabIndex={minimized ? 0 : -1}
        style={style}
        {...(minimized ? handlers : {})}
      >
        <CallTimer answeredAt={state.active.answeredAt} />
        <div className="call-videos">
          {state.peers.map((peer) => (
            <RemoteVideo key={peer.userId} peer={peer} />
          ))}
          {state.peers.length === 0 && <p className="call-waiting">Calling…</p>}
          <StreamVideo stream={state.localStream} muted testId="call-local-video" className={state.screenSharing ? 'is-hidden' : undefined} />
          {state.screenSharing && <StreamVideo stream={state.screenStream} muted testId="call-screen-preview" />}
        </div>
        <div className="call-controls">
          {minimized ? (
            <CallControl testId="call-restore" label="Restore call to full screen" onClick={() => manager.setMinimized(false)}>
              <RestoreIcon />
            </CallControl>
          ) : (
            <CallControl ref={minimizeButton} testId="call-minimize" label="Minimise call" onClick={() => manager.setMinimized(true)}>
              <MinimizeIcon />
            </CallControl>
          )}
          <CallControl testId="call-mute" label={state.muted ? 'Unmute' : 'Mute'} pressed={state.muted} onClick={() => manager.toggleMute()}>
            {state.muted ? <MicOffIcon /> : <MicIcon />}
          </CallControl>
          {state.active.video && !minimized && (
            <CallControl
              testId="call-camera"
              label={state.cameraOff ? 'Camera on' : 'Camera off'}
              pressed={state.cameraOff}
              onClick={() => manager.toggleCamera()}
            >
              {state.cameraOff ? <VideoOffIcon /> : <VideoIcon />}
            </CallControl>
          )}
          {manager.canShareScreen && !minimized && (
            <CallControl
              testId="call-screen-share"
              label={state.screenSharing ? 'Stop sharing' : 'Share screen'}
              pressed={state.screenSharing}
              onClick={() => void manager.toggleScreenShare()}
            >
              {state.screenSharing ? <ScreenShareOffIcon /> : <ScreenShareIcon />}
            </CallControl>
          )}
          <CallControl testId="call-hangup" label="Hang up" danger onClick={() => void manager.hangUp()}>
            <HangUpIcon />
          </CallControl>
        </div>
      </section>
    );
  } else if (state.incoming) {
    content = <IncomingCallPrompt manager={manager} incoming={state.incoming} />;
  }
  return content ? createPortal(content, target) : null;
}

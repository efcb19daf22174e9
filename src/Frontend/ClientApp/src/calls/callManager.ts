// One user's calls on this page: ringing, the active call, and a WebRTC mesh (one peer connection
// per other participant). Signaling goes through the chat hub; media flows between the browsers.
import { apiFetch } from '../api/http';
import type { ChatHub } from '../realtime/chatHub';
import { captureScreen, replaceOutgoingVideo, screenShareSupported } from './screenShare';

export interface IncomingCall {
  callId: string;
  conversationId: string;
  callerId: string;
  video: boolean;
}

export interface CallParticipant {
  userId: string;
  state: string;
  muted: boolean;
  cameraOff: boolean;
  screenSharing: boolean;
  handRaised: boolean;
}

export interface CallInfo {
  callId: string;
  conversationId: string;
  callerId?: string;
  state: string;
  video?: boolean;
  /** When the call was answered (server time); null or absent while it rings. */
  answeredAt?: string | null;
  participants: CallParticipant[];
}

interface CallSignal {
  callId: string;
  fromUserId: string;
  kind: 'offer' | 'answer' | 'ice';
  payload: string;
}

export interface RemotePeer {
  userId: string;
  stream: MediaStream | null;
  connectionState: RTCPeerConnectionState;
  /** The peer sends their screen instead of their camera (from CallStateChanged). */
  screenSharing?: boolean;
}

export interface CallViewState {
  incoming: IncomingCall | null;
  active: { callId: string; conversationId: string; state: string; video: boolean; answeredAt: string | null } | null;
  localStream: MediaStream | null;
  peers: readonly RemotePeer[];
  muted: boolean;
  cameraOff: boolean;
  /** The screen (or a window or tab) goes out in place of the camera. */
  screenSharing: boolean;
  /** What is shared, for the local preview while sharing. */
  screenStream: MediaStream | null;
  /** The call shows as a small picture-in-picture widget instead of full screen. */
  minimized: boolean;
  error: string | null;
}

declare global {
  interface Window {
    /** The call's peer connections by user id, for diagnostics (and the browser tests' getStats). */
    chatGridPeers?: Map<string, RTCPeerConnection>;
  }
}

const storageKey = 'chatgrid.activeCall';
const finished = new Set(['ended', 'missed', 'rejected', 'cancelled']);

interface Peer {
  pc: RTCPeerConnection;
  /** Serializes signaling work on this connection (ICE must wait for the remote description). */
  chain: Promise<void>;
}

// Everything about the active call, as it is when there is none (the incoming ring is apart).
const noActiveCall: Omit<CallViewState, 'incoming' | 'error'> = {
  active: null,
  localStream: null,
  peers: [],
  muted: false,
  cameraOff: false,
  screenSharing: false,
  screenStream: null,
  minimized: false,
};

export class CallManager {
  private state: CallViewState = { ...noActiveCall, incoming: null, error: null };
  private readonly listeners = new Set<() => void>();
  private readonly peers = new Map<string, Peer>();
  private iceServers: RTCIceServer[] | null = null;
  private disposed = false;
  private readonly hub: ChatHub;
  private readonly myUserId: string;
  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.state.active) return;
    event.preventDefault();
    event.returnValue = '';
  };

  constructor(hub: ChatHub, myUserId: string) {
    this.hub = hub;
    this.myUserId = myUserId;
    const c = hub.connection;
    c.on('IncomingCall', (e: IncomingCall) => {
      if (!this.state.active) this.set({ incoming: e });
    });
    c.on('CallRingingStopped', (e: { callId: string }) => {
      if (this.state.incoming?.callId === e.callId) this.set({ incoming: null });
    });
    c.on('CallStateChanged', (e: CallInfo) => this.onStateChanged(e));
    c.on('CallSignal', (e: CallSignal) => this.onSignal(e));
    // A new hub connection is a new call device: move the call to it and renegotiate.
    c.onreconnected(() => void this.rejoin());
    window.addEventListener('beforeunload', this.onBeforeUnload);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): CallViewState => this.state;

  /** After a reload: rejoin the call this tab was in, if it still goes on. */
  async resume(): Promise<void> {
    const callId = sessionStorage.getItem(storageKey);
    if (!callId) return;
    try {
      const info = await apiFetch<CallInfo>(`/api/calls/${callId}`);
      if (info.state !== 'ongoing') {
        sessionStorage.removeItem(storageKey);
        return;
      }
      await this.waitForHub();
      await this.prepareMedia(info.video ?? true);
      const joined = await this.hub.connection.invoke<CallInfo>('JoinCall', callId);
      this.enter(joined, info.video ?? true);
      await this.offerToJoined(joined);
    } catch (error) {
      sessionStorage.removeItem(storageKey);
      this.cleanup(String(error));
    }
  }

  private async rejoin(): Promise<void> {
    const active = this.state.active;
    if (!active || this.disposed) return;
    try {
      const info = await this.hub.connection.invoke<CallInfo>('JoinCall', active.callId);
      if (finished.has(info.state)) {
        this.cleanup(null);
        return;
      }
      await this.offerToJoined(info);
    } catch (error) {
      this.cleanup(String(error));
    }
  }

  async start(conversationId: string, video: boolean): Promise<void> {
    if (this.state.active) return;
    try {
      await this.prepareMedia(video);
      const info = await this.hub.connection.invoke<CallInfo>('StartCall', conversationId, video);
      this.enter(info, video);
    } catch (error) {
      this.cleanup(String(error));
    }
  }

  async accept(): Promise<void> {
    const incoming = this.state.incoming;
    if (!incoming) return;
    this.set({ incoming: null });
    try {
      await this.prepareMedia(incoming.video);
      const info = await this.hub.connection.invoke<CallInfo>('AcceptCall', incoming.callId);
      this.enter(info, incoming.video);
      await this.offerToJoined(info);
    } catch (error) {
      this.cleanup(String(error));
    }
  }

  async reject(): Promise<void> {
    const incoming = this.state.incoming;
    if (!incoming) return;
    this.set({ incoming: null });
    await this.hub.connection.invoke('RejectCall', incoming.callId).catch(() => undefined);
  }

  async hangUp(): Promise<void> {
    const active = this.state.active;
    if (!active) return;
    this.cleanup(null);
    await this.hub.connection.invoke('LeaveCall', active.callId).catch(() => undefined);
  }

  toggleMute(): void {
    const muted = !this.state.muted;
    this.state.localStream?.getAudioTracks().forEach((t) => (t.enabled = !muted));
    this.set({ muted });
    this.sendMediaState();
  }

  toggleCamera(): void {
    const cameraOff = !this.state.cameraOff;
    this.state.localStream?.getVideoTracks().forEach((t) => (t.enabled = !cameraOff));
    this.set({ cameraOff });
    this.sendMediaState();
  }

  setMinimized(minimized: boolean): void {
    if (this.state.minimized !== minimized) this.set({ minimized });
  }

  /** Screen sharing needs getDisplayMedia (desktop browsers) and a video call (a video sender to swap). */
  get canShareScreen(): boolean {
    return screenShareSupported() && Boolean(this.state.active?.video);
  }

  /**
   * Sends the screen instead of the camera, through RTCRtpSender.replaceTrack (no renegotiation),
   * or goes back to the camera. Stopping from the browser's own "Stop sharing" bar does the same.
   */
  async toggleScreenShare(): Promise<void> {
    if (this.state.screenSharing) {
      this.stopScreenShare();
      return;
    }
    if (!this.canShareScreen) return;
    let screen: MediaStream;
    try {
      screen = await captureScreen();
    } catch (error) {
      // The person cancelled the picker, or the browser refused.
      this.set({ error: error instanceof Error ? error.message : String(error) });
      return;
    }
    const track = screen.getVideoTracks()[0];
    if (!track || !this.state.active) {
      screen.getTracks().forEach((t) => t.stop());
      return;
    }
    track.addEventListener('ended', () => {
      if (this.state.screenStream === screen) this.stopScreenShare();
    });
    this.set({ screenSharing: true, screenStream: screen, error: null });
    await this.replaceVideoTrack(track);
    this.sendMediaState();
  }

  private stopScreenShare(): void {
    const screen = this.state.screenStream;
    if (!this.state.screenSharing && !screen) return;
    screen?.getTracks().forEach((t) => t.stop());
    this.set({ screenSharing: false, screenStream: null });
    void this.replaceVideoTrack(this.cameraTrack());
    this.sendMediaState();
  }

  private cameraTrack(): MediaStreamTrack | null {
    return this.state.localStream?.getVideoTracks()[0] ?? null;
  }

  /** The track every peer should receive as video now: the screen while sharing, else the camera. */
  private outgoingVideoTrack(): MediaStreamTrack | null {
    return this.state.screenStream?.getVideoTracks()[0] ?? this.cameraTrack();
  }

  private replaceVideoTrack(track: MediaStreamTrack | null): Promise<void> {
    return replaceOutgoingVideo([...this.peers.values()].map((peer) => peer.pc), track);
  }

  dispose(): void {
    this.disposed = true;
    this.state.screenStream?.getTracks().forEach((t) => t.stop());
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.closePeers();
    this.state.localStream?.getTracks().forEach((t) => t.stop());
  }

  private sendMediaState(): void {
    const active = this.state.active;
    if (!active) return;
    const media = { muted: this.state.muted, cameraOff: this.state.cameraOff, screenSharing: this.state.screenSharing, handRaised: false };
    void this.hub.connection.invoke('SetMediaState', active.callId, media).catch(() => undefined);
  }

  private set(patch: Partial<CallViewState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private async waitForHub(): Promise<void> {
    while (!this.hub.isConnected) {
      if (this.disposed) throw new Error('disposed');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private async prepareMedia(video: boolean): Promise<void> {
    if (!this.state.localStream) {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video });
      this.set({ localStream: stream, muted: false, cameraOff: false, error: null });
    }
    if (!this.iceServers) {
      const answer = await apiFetch<{ iceServers: RTCIceServer[] }>('/api/calls/ice-servers');
      this.iceServers = answer.iceServers;
    }
  }

  private enter(info: CallInfo, video: boolean): void {
    sessionStorage.setItem(storageKey, info.callId);
    this.set({
      active: { callId: info.callId, conversationId: info.conversationId, state: info.state, video, answeredAt: info.answeredAt ?? null },
    });
  }

  /** The side that joins offers to everyone already in the call. */
  private async offerToJoined(info: CallInfo): Promise<void> {
    for (const p of info.participants) {
      if (p.userId === this.myUserId || p.state !== 'joined') continue;
      const peer = this.createPeer(p.userId);
      this.enqueue(peer, async () => {
        const offer = await peer.pc.createOffer();
        await peer.pc.setLocalDescription(offer);
        await this.signal(p.userId, 'offer', JSON.stringify(peer.pc.localDescription));
      });
    }
  }

  private onStateChanged(e: CallInfo): void {
    const active = this.state.active;
    if (!active || active.callId !== e.callId) return;
    if (finished.has(e.state)) {
      this.cleanup(null);
      return;
    }
    const sharing = new Set(e.participants.filter((p) => p.screenSharing).map((p) => p.userId));
    this.set({
      active: { ...active, state: e.state, answeredAt: e.answeredAt ?? active.answeredAt },
      peers: this.state.peers.map((p) => (Boolean(p.screenSharing) === sharing.has(p.userId) ? p : { ...p, screenSharing: sharing.has(p.userId) })),
    });
    for (const p of e.participants) {
      if (p.userId !== this.myUserId && p.state !== 'joined' && this.peers.has(p.userId)) this.closePeer(p.userId);
    }
  }

  private onSignal(e: CallSignal): void {
    const active = this.state.active;
    if (!active || active.callId !== e.callId) return;
    if (e.kind === 'offer') {
      // A new offer from the same user (they reloaded): start over with a fresh connection.
      const peer = this.createPeer(e.fromUserId);
      this.enqueue(peer, async () => {
        await peer.pc.setRemoteDescription(JSON.parse(e.payload) as RTCSessionDescriptionInit);
        const answer = await peer.pc.createAnswer();
        await peer.pc.setLocalDescription(answer);
        await this.signal(e.fromUserId, 'answer', JSON.stringify(peer.pc.localDescription));
      });
      return;
    }
    const peer = this.peers.get(e.fromUserId);
    if (!peer) return;
    if (e.kind === 'answer') {
      this.enqueue(peer, () => peer.pc.setRemoteDescription(JSON.parse(e.payload) as RTCSessionDescriptionInit));
    } else if (e.kind === 'ice') {
      this.enqueue(peer, () => peer.pc.addIceCandidate(JSON.parse(e.payload) as RTCIceCandidateInit));
    }
  }

  private enqueue(peer: Peer, work: () => Promise<void>): void {
    peer.chain = peer.chain.then(work).catch((error: unknown) => console.warn('call signaling failed', error));
  }

  private signal(toUserId: string, kind: CallSignal['kind'], payload: string): Promise<void> {
    const active = this.state.active;
    if (!active) return Promise.resolve();
    return this.hub.connection.invoke('SendSignal', active.callId, toUserId, kind, payload);
  }

  private createPeer(userId: string): Peer {
    this.closePeer(userId);
    const relay =
      new URLSearchParams(window.location.search).get('relay') === '1' || localStorage.getItem('chatgrid.iceRelay') === '1';
    const pc = new RTCPeerConnection({
      iceServers: this.iceServers ?? [],
      iceTransportPolicy: relay ? 'relay' : 'all',
    });
    const peer: Peer = { pc, chain: Promise.resolve() };
    this.peers.set(userId, peer);
    (window.chatGridPeers ??= new Map()).set(userId, pc);
    const local = this.state.localStream;
    const video = this.outgoingVideoTrack();
    local?.getTracks().forEach((track) => pc.addTrack(track.kind === 'video' && video ? video : track, local));
    pc.onicecandidate = (event) => {
      if (event.candidate && this.peers.get(userId) === peer) {
        void this.signal(userId, 'ice', JSON.stringify(event.candidate.toJSON())).catch(() => undefined);
      }
    };
    pc.ontrack = (event) => {
      const stream = event.streams[0] ?? new MediaStream([event.track]);
      this.updatePeer(userId, peer, { stream });
    };
    pc.onconnectionstatechange = () => this.updatePeer(userId, peer, { connectionState: pc.connectionState });
    this.set({
      peers: [...this.state.peers.filter((p) => p.userId !== userId), { userId, stream: null, connectionState: pc.connectionState }],
    });
    return peer;
  }

  private updatePeer(userId: string, peer: Peer, patch: Partial<RemotePeer>): void {
    if (this.peers.get(userId) !== peer) return;
    this.set({ peers: this.state.peers.map((p) => (p.userId === userId ? { ...p, ...patch } : p)) });
  }

  private closePeer(userId: string): void {
    const peer = this.peers.get(userId);
    if (!peer) return;
    this.peers.delete(userId);
    if (window.chatGridPeers?.get(userId) === peer.pc) window.chatGridPeers.delete(userId);
    peer.pc.close();
    this.set({ peers: this.state.peers.filter((p) => p.userId !== userId) });
  }

  private closePeers(): void {
    for (const userId of [...this.peers.keys()]) this.closePeer(userId);
  }

  private cleanup(error: string | null): void {
    sessionStorage.removeItem(storageKey);
    this.closePeers();
    this.state.localStream?.getTracks().forEach((t) => t.stop());
    this.state.screenStream?.getTracks().forEach((t) => t.stop());
    this.set({ ...noActiveCall, error });
  }
}

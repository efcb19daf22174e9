// The one SignalR connection to /hubs/chat. Automatic reconnect retries forever; if the
// connection still closes (server closed it for good, or the first start failed), a manual
// loop keeps restarting it until stop() is called. When the server closes it because of a frame
// it refused (too_large, protocol_error), the reason is kept for the banner until dismissed.
import {
  HttpTransportType,
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
} from '@microsoft/signalr';
import type { ConnectionStatus } from '../store/types';
import { reconnectDelay, sleep } from './retryDelays';

export interface ChatHubCallbacks {
  accessToken(): Promise<string>;
  onStatus(status: ConnectionStatus): void;
  /** Connected for the first time (isReconnect false) or again (true). */
  onConnected(isReconnect: boolean): void;
  /** Called now and then while starting keeps failing; returns false when the session is gone. */
  checkSession(): Promise<boolean>;
}

/** A server refusal that closed the connection: a second's pause, so a frame resent on connect cannot spin. */
const REFUSED_RECONNECT_DELAY_MS = 1000;
const SERVER_CLOSE = /^Server returned an error on close: .*?HubException: ([a-z][a-z0-9_]*):\s*(.*)$/s;

/**
 * The code word and text of the server's reason for closing the connection
 * ("Server returned an error on close: Connection closed with an error. HubException: too_large: frame over 1 MiB"),
 * or null when it closed for any other reason (network loss, shutdown).
 */
export function serverCloseReason(error: unknown): { code: string; text: string } | null {
  const match = SERVER_CLOSE.exec(error instanceof Error ? error.message : String(error ?? ''));
  return match ? { code: match[1], text: match[2].trim() || match[1] } : null;
}

export class ChatHub {
  readonly connection: HubConnection;
  private readonly callbacks: ChatHubCallbacks;
  private stopped = false;
  private everConnected = false;
  private looping = false;
  private readonly waker: { wake?: () => void } = {};
  private closeReason: string | null = null;
  private readonly closeReasonListeners = new Set<() => void>();
  /** Back online: try now rather than after the current back-off (up to 10 s). */
  private readonly onOnline = () => {
    if (this.stopped) return;
    // Automatic reconnect waits out its own delay; stopping it hands over to the loop (onclose), which starts at once.
    if (this.connection.state === HubConnectionState.Reconnecting) void this.connection.stop().catch(() => undefined);
    this.waker.wake?.();
  };
  /**
   * The browser says the network is gone. The socket can look open for a long time afterwards
   * (until the server timeout), while nothing gets through: close it, so the page says it is
   * offline, sends go to the outbox, and a fresh connection (with Sync) is made once back.
   */
  private readonly onOffline = () => {
    if (this.stopped) return;
    if (this.connection.state !== HubConnectionState.Disconnected) void this.connection.stop().catch(() => undefined);
  };

  constructor(callbacks: ChatHubCallbacks) {
    this.callbacks = callbacks;
    this.connection = new HubConnectionBuilder()
      .withUrl('/hubs/chat', {
        accessTokenFactory: () => this.callbacks.accessToken(),
        skipNegotiation: true,
        transport: HttpTransportType.WebSockets,
      })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (context) =>
          Math.max(reconnectDelay(context.previousRetryCount), serverCloseReason(context.retryReason) ? REFUSED_RECONNECT_DELAY_MS : 0),
      })
      .configureLogging(import.meta.env.DEV ? LogLevel.Information : LogLevel.Warning)
      .build();

    // The server's close message may allow a reconnect (automatic reconnect) or not (onclose): the reason shows either way.
    this.connection.onreconnecting((error) => {
      if (this.stopped) return;
      this.noteCloseReason(error);
      this.callbacks.onStatus('reconnecting');
    });
    this.connection.onreconnected(() => {
      if (this.stopped) return;
      this.callbacks.onStatus('connected');
      this.callbacks.onConnected(true);
    });
    this.connection.onclose((error) => {
      if (this.stopped) return;
      const refused = this.noteCloseReason(error);
      this.callbacks.onStatus('reconnecting');
      void this.startLoop(refused ? REFUSED_RECONNECT_DELAY_MS : 0);
    });
  }

  /** For useSyncExternalStore: the last reason the server gave for closing the connection, until dismissed. */
  readonly subscribeCloseReason = (listener: () => void): (() => void) => {
    this.closeReasonListeners.add(listener);
    return () => this.closeReasonListeners.delete(listener);
  };

  readonly getCloseReason = (): string | null => this.closeReason;

  readonly dismissCloseReason = (): void => this.setCloseReason(null);

  private noteCloseReason(error: Error | undefined): boolean {
    const refused = serverCloseReason(error);
    if (refused) this.setCloseReason(`${refused.text} (${refused.code})`);
    return refused !== null;
  }

  private setCloseReason(reason: string | null): void {
    if (this.closeReason === reason) return;
    this.closeReason = reason;
    this.closeReasonListeners.forEach((listener) => listener());
  }

  get isConnected(): boolean {
    return this.connection.state === HubConnectionState.Connected;
  }

  start(): void {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    void this.startLoop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.waker.wake?.();
    try {
      await this.connection.stop();
    } catch {
      // Already stopped.
    }
  }

  private async startLoop(initialDelayMs = 0): Promise<void> {
    if (this.looping) return;
    this.looping = true;
    let attempt = 0;
    try {
      if (initialDelayMs > 0) await sleep(initialDelayMs, this.waker);
      while (!this.stopped && this.connection.state === HubConnectionState.Disconnected) {
        this.callbacks.onStatus(this.everConnected ? 'reconnecting' : 'connecting');
        try {
          await this.connection.start();
          if (this.stopped) {
            await this.connection.stop();
            return;
          }
          const isReconnect = this.everConnected;
          this.everConnected = true;
          this.callbacks.onStatus('connected');
          this.callbacks.onConnected(isReconnect);
          return;
        } catch {
          attempt += 1;
          if (this.stopped) return;
          // A refused WebSocket looks like any network failure; ask the API whether we are still signed in.
          if (attempt % 3 === 0 && !(await this.callbacks.checkSession())) return;
          await sleep(reconnectDelay(attempt), this.waker);
        }
      }
    } finally {
      this.looping = false;
    }
  }
}

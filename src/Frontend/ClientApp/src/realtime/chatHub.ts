// The one SignalR connection to /hubs/chat. Automatic reconnect retries forever; if the
// connection still closes (server closed it for good, or the first start failed), a manual
// loop keeps restarting it until stop() is called.
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

export class ChatHub {
  readonly connection: HubConnection;
  private readonly callbacks: ChatHubCallbacks;
  private stopped = false;
  private everConnected = false;
  private looping = false;
  private readonly waker: { wake?: () => void } = {};
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
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => reconnectDelay(context.previousRetryCount) })
      .configureLogging(import.meta.env.DEV ? LogLevel.Information : LogLevel.Warning)
      .build();

    this.connection.onreconnecting(() => {
      if (!this.stopped) this.callbacks.onStatus('reconnecting');
    });
    this.connection.onreconnected(() => {
      if (this.stopped) return;
      this.callbacks.onStatus('connected');
      this.callbacks.onConnected(true);
    });
    this.connection.onclose(() => {
      if (this.stopped) return;
      this.callbacks.onStatus('reconnecting');
      void this.startLoop();
    });
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

  private async startLoop(): Promise<void> {
    if (this.looping) return;
    this.looping = true;
    let attempt = 0;
    try {
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

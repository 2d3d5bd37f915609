import pg from 'pg';

const RECONNECT_DELAY_MS = 1_000;

const quoteChannel = (channel: string) => `"${channel.replace(/"/g, '""')}"`;

/**
 * LISTEN on one dedicated connection shared by every subscriber of the store. Best effort: it only
 * wakes subscribers early, and they poll anyway, so a lost connection costs latency, never events.
 */
export class PgNotifier {
  private current: { readonly client: pg.Client; readonly ready: Promise<pg.Client> } | undefined;
  private readonly listeners = new Map<string, Set<(payload?: string) => void>>();
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly config: pg.ClientConfig) {}

  /** `onNotify` is given each notification's payload, and nothing after a reconnect (some may be lost). */
  async listen(channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>> {
    let callbacks = this.listeners.get(channel);
    if (callbacks === undefined) {
      callbacks = new Set();
      this.listeners.set(channel, callbacks);
      await this.send(`LISTEN ${quoteChannel(channel)}`);
    }
    callbacks.add(onNotify);
    const registered = callbacks;
    return async () => {
      registered.delete(onNotify);
      if (registered.size > 0 || this.listeners.get(channel) !== registered) return;
      this.listeners.delete(channel);
      if (this.listeners.size === 0) await this.disconnect();
      else await this.send(`UNLISTEN ${quoteChannel(channel)}`);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await this.disconnect();
  }

  private async send(statement: string): Promise<void> {
    try {
      const client = await this.connection();
      await client.query(statement);
    } catch {
      // The reconnect re-issues every LISTEN; until then subscribers poll.
    }
  }

  private connection(): Promise<pg.Client> {
    if (this.current !== undefined) return this.current.ready;
    const client = new pg.Client(this.config);
    client.on('notification', (message) => this.wake(message.channel, message.payload));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    const ready = client.connect().then(() => client);
    ready.catch(() => this.lost(client));
    this.current = { client, ready };
    return ready;
  }

  private wake(channel: string, payload?: string): void {
    for (const callback of this.listeners.get(channel) ?? []) callback(payload);
  }

  private lost(client: pg.Client): void {
    if (this.current?.client !== client) return;
    this.current = undefined;
    client.end().catch(() => undefined);
    if (this.closed || this.listeners.size === 0 || this.reconnectTimer !== undefined) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.relisten();
    }, RECONNECT_DELAY_MS);
    this.reconnectTimer.unref();
  }

  private async relisten(): Promise<void> {
    for (const channel of this.listeners.keys()) {
      await this.send(`LISTEN ${quoteChannel(channel)}`);
      // Notifications sent while the connection was down are lost: let subscribers look for themselves.
      this.wake(channel);
    }
  }

  private async disconnect(): Promise<void> {
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const current = this.current;
    this.current = undefined;
    if (current === undefined) return;
    await current.ready.then((client) => client.end()).catch(() => undefined);
  }
}

// Hub failures reach the client as "An unexpected error occurred invoking 'X' on the server.
// HubException: forbidden: not a member" (the code word leads the HubException's message).
// Transport failures (connection lost, not connected, server timeout) carry no such text.

const SERVER_ERROR = /on the server\.\s*(?:([\w.]+):\s*)?(.*)$/s;
const CODE = /^([a-z][a-z0-9_]*):\s*/;

/**
 * The code word of a server-side failure (e.g. "forbidden"), "hub_error" for a server failure
 * without one, or null for a transport failure, after which a retry on reconnect is the right move.
 */
export function hubErrorCode(error: unknown): string | null {
  const match = SERVER_ERROR.exec(messageOf(error));
  if (!match) return null;
  const code = CODE.exec(match[2] ?? '');
  return code ? code[1] : 'hub_error';
}

/** The human part of a hub failure, without the code word. */
export function hubErrorText(error: unknown): string {
  const message = messageOf(error);
  const match = SERVER_ERROR.exec(message);
  if (!match) return message || 'Not sent';
  const text = (match[2] ?? '').replace(CODE, '').trim();
  return text || 'the server refused it';
}

const TRANSIENT = new Set(['rate_limited', 'unavailable', 'internal', 'timeout', 'hub_error']);

/** Worth retrying later (a few times for server errors, forever for transport failures). */
export function isTransientHubError(code: string | null): boolean {
  return code === null || TRANSIENT.has(code);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error ?? '');
}

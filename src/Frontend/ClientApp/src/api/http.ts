import { readProblem, SessionEndedError } from './errors';
import { getAccessToken, getSession, refreshSession } from './session';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Send the bearer token (default true). */
  auth?: boolean;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * Calls the API under /api. Sends the access token, refreshes it once and retries when the
 * server answers 401, and throws an ApiError (with the problem's code) for any other failure.
 */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const auth = options.auth ?? true;
  let token = auth ? await getAccessToken() : undefined;
  let response = await send(path, options, token);
  if (auth && response.status === 401 && token) {
    try {
      token = (await refreshSession(token)).accessToken;
    } catch (error) {
      if (error instanceof SessionEndedError) throw error;
      throw await readProblem(response);
    }
    response = await send(path, options, token);
    if (response.status === 401 && !getSession()) throw new SessionEndedError();
  }
  if (!response.ok) throw await readProblem(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function send(path: string, options: RequestOptions, token: string | undefined): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, {
    method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    signal: options.signal,
    credentials: 'same-origin',
  });
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

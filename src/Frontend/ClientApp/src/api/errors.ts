import type { ProblemDetails } from './types';

/** An HTTP answer that was not a success, carrying the problem's stable code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: ProblemDetails | null;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: ProblemDetails | null, retryAfterSeconds: number | null = null) {
    super(problem?.detail || problem?.title || `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.code = problemCode(problem) ?? statusCode(status);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Raised when the session is over (refresh token spent or revoked): the user must sign in again. */
export class SessionEndedError extends Error {
  constructor() {
    super('Your session has ended. Please sign in again.');
    this.name = 'SessionEndedError';
  }
}

function problemCode(problem: ProblemDetails | null): string | null {
  if (!problem) return null;
  if (typeof problem.code === 'string' && problem.code) return problem.code;
  if (typeof problem.type === 'string' && problem.type && problem.type !== 'about:blank') {
    const last = problem.type.split('/').filter(Boolean).pop();
    if (last) return last;
  }
  return null;
}

function statusCode(status: number): string {
  switch (status) {
    case 400: return 'bad_request';
    case 401: return 'unauthorized';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 409: return 'conflict';
    case 413: return 'too_large';
    case 429: return 'rate_limited';
    case 503: return 'unavailable';
    default: return status >= 500 ? 'internal' : 'error';
  }
}

export async function readProblem(response: Response): Promise<ApiError> {
  let problem: ProblemDetails | null = null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await response.json()) as ProblemDetails;
    } catch {
      problem = null;
    }
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(response.status, problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

/** A short human sentence for any error thrown by the API layer or the hub. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.retryAfterSeconds
        ? `Too many attempts. Try again in ${error.retryAfterSeconds} s.`
        : 'Too many attempts. Try again shortly.';
    }
    return error.problem?.detail || error.problem?.title || error.message;
  }
  if (error instanceof SessionEndedError) return error.message;
  if (error instanceof TypeError) return 'Cannot reach the server. Check your connection.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

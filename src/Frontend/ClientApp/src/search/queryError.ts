import { ApiError, describeError } from '../api/errors';

/** Why a query was refused, and where (the problem's `position`, a UTF-16 offset), when it says. */
export interface QueryError {
  message: string;
  position: number | null;
}

export function queryErrorOf(error: unknown): QueryError {
  if (error instanceof ApiError && error.status === 400) {
    const position = error.problem?.position;
    return { message: describeError(error), position: typeof position === 'number' && position >= 0 ? position : null };
  }
  return { message: describeError(error), position: null };
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

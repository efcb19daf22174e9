import type { QueryError } from './queryError';

/** A refused query, with the place the server pointed at marked in a copy of it. */
export function QueryErrorNote({ id, query, error }: { id: string; query: string; error: QueryError }) {
  const at = error.position !== null && error.position <= query.length ? error.position : null;
  return (
    <div className="search-error" id={id} role="alert" data-testid="search-error">
      <p>{error.message}</p>
      {at !== null && (
        <p className="search-error-query" data-testid="search-error-query" data-position={at}>
          <code>
            <span>{query.slice(0, at)}</span>
            <mark className="search-error-at">{query.slice(at, at + 1) || ' '}</mark>
            <span>{query.slice(at + 1)}</span>
          </code>
        </p>
      )}
    </div>
  );
}

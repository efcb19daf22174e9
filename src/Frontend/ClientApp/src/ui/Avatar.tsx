import type { CSSProperties } from 'react';
import type { PresenceStatus } from '../api/types';
import { useSignedUrl } from '../files/useSignedUrl';

/** The first letters of the first and last words of a name ("Ada Lovelace" → "AL", "ada" → "AD"). */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const letters = parts.length === 1 ? [...parts[0]].slice(0, 2) : [[...parts[0]][0], [...parts[parts.length - 1]][0]];
  return letters.join('').toUpperCase();
}

/** A stable hue per seed (a user id, or a conversation id for groups), so avatars are told apart at a glance. */
export function hue(seed: string): number {
  let hash = 0;
  for (let i = 0; i < seed.length; i += 1) hash = (hash * 31 + seed.charCodeAt(i)) | 0;
  return Math.abs(hash) % 360;
}

const presenceLabels: Record<Exclude<PresenceStatus, 'offline'>, string> = {
  online: 'online',
  away: 'away',
  dnd: 'do not disturb',
};

/**
 * Initials on a colour derived from the seed, with a presence dot (green online, amber away, red do not
 * disturb; none offline or unknown). The dot's meaning is also in text for screen readers. With an
 * avatar file the picture (its 96 px square thumbnail) covers the initials once it has loaded.
 */
export function Avatar({ name, seed, presence, fileId }: {
  name: string;
  seed: string;
  presence?: PresenceStatus | null;
  fileId?: string | null;
}) {
  const shown = presence && presence !== 'offline' ? presence : null;
  const { url } = useSignedUrl(fileId, 'thumbnail/96');
  return (
    <span
      className="avatar"
      style={{ '--avatar-hue': hue(seed) } as CSSProperties}
      data-testid="avatar"
      data-presence={shown ?? 'none'}
      data-avatar-file-id={fileId ?? undefined}
    >
      <span aria-hidden="true">{initials(name)}</span>
      {url && <img className="avatar-image" src={url} alt="" data-testid="avatar-image" />}
      {shown && (
        <span className={`presence-dot presence-${shown}`} data-testid="presence-dot" data-status={shown}>
          <span className="visually-hidden">{presenceLabels[shown]}</span>
        </span>
      )}
    </span>
  );
}

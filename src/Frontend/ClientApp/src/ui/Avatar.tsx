import type { CSSProperties } from 'react';
import type { PresenceStatus } from '../api/types';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const letters = parts.length === 1 ? [...parts[0]].slice(0, 2) : [[...parts[0]][0], [...parts[parts.length - 1]][0]];
  return letters.join('').toUpperCase();
}

/** A stable hue per name so avatars are told apart at a glance. */
function hue(seed: string): number {
  let hash = 0;
  for (let i = 0; i < seed.length; i += 1) hash = (hash * 31 + seed.charCodeAt(i)) | 0;
  return Math.abs(hash) % 360;
}

export function Avatar({ name, seed, presence }: { name: string; seed: string; presence?: PresenceStatus | null }) {
  return (
    <span className="avatar" aria-hidden="true" style={{ '--avatar-hue': hue(seed) } as CSSProperties}>
      {initials(name)}
      {presence && presence !== 'offline' && <span className={`presence-dot presence-${presence}`} />}
    </span>
  );
}

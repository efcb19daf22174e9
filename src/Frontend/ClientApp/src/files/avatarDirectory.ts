// Whose profile photo is which file. Member lists do not carry it, so a user's is read from their
// profile (GET /api/users/{id}, which applies their privacy) the first time a face is shown, once
// per session; the own one is set again when changed.
import { getUserProfile } from '../api/users';
import type { ChatStore } from '../store/chatStore';

export class AvatarDirectory {
  private readonly asked = new Set<string>();
  private readonly store: ChatStore;

  constructor(store: ChatStore) {
    this.store = store;
  }

  /** Loads the user's avatar file id into the store unless it is known or already asked for. */
  want(userId: string): void {
    if (!userId || this.asked.has(userId) || this.store.getState().users[userId]?.avatarFileId !== undefined) return;
    this.asked.add(userId);
    getUserProfile(userId)
      .then((profile) => this.set(userId, profile.avatarFileId ?? null, profile))
      .catch(() => this.set(userId, null));
  }

  set(userId: string, avatarFileId: string | null, names?: { username: string; displayName: string }): void {
    this.asked.add(userId);
    this.store.update((state) => {
      const known = state.users[userId];
      if (known?.avatarFileId === avatarFileId) return state;
      const user = known ?? { userId, username: names?.username ?? '', displayName: names?.displayName ?? '' };
      return { ...state, users: { ...state.users, [userId]: { ...user, avatarFileId } } };
    });
  }
}

import { ApiError } from '../api/errors';
import type { UserSummary } from '../api/types';
import { getUserByUsername } from '../api/users';

/** Looks up usernames (a leading @ and blanks ignored, duplicates once); a missing one is a readable Error. */
export async function resolveUsernames(usernames: readonly string[]): Promise<UserSummary[]> {
  const unique = [...new Set(usernames.map((u) => u.trim().replace(/^@/, '')).filter(Boolean))];
  return Promise.all(
    unique.map(async (username) => {
      try {
        return await getUserByUsername(username);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) throw new Error(`No user named “${username}”.`);
        throw error;
      }
    }),
  );
}

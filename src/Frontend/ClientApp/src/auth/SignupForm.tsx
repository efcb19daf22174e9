import { useState, type FormEvent } from 'react';
import { register } from '../api/auth';
import { ApiError, describeError } from '../api/errors';
import { setSession } from '../api/session';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';

export function SignupForm() {
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const auth = await register({
        username: username.trim(),
        email: email.trim(),
        password,
        displayName: displayName.trim() || undefined,
      });
      setSession(auth);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // Only a username is ever "taken": an email another account has is not told apart (docs/protocol.md).
        setError(err.problem?.detail || 'That username is already taken.');
      } else {
        setError(describeError(err));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="auth-form" onSubmit={submit}>
      <Field
        label="Username"
        name="username"
        autoComplete="username"
        required
        autoFocus
        minLength={3}
        maxLength={32}
        hint="3 to 32 characters. Others find you by it."
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        testId="signup-username"
      />
      <Field
        label="Display name"
        name="displayName"
        autoComplete="name"
        maxLength={64}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        testId="signup-displayname"
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        testId="signup-email"
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={128}
        hint="At least 10 characters."
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        testId="signup-password"
      />
      <FormError message={error} />
      <button type="submit" className="primary-button" disabled={busy} data-testid="signup-submit">
        {busy ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}

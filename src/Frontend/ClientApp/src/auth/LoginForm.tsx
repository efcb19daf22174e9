import { useRef, useState, type FormEvent } from 'react';
import { login } from '../api/auth';
import { ApiError, describeError } from '../api/errors';
import { setSession } from '../api/session';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';

export function LoginForm() {
  const [loginName, setLoginName] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const auth = await login({
        login: loginName.trim(),
        password,
        totpCode: needsTotp && totpCode.trim() ? totpCode.trim() : undefined,
      });
      setSession(auth);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'totp_required') {
        const alreadyAsked = needsTotp && totpCode.trim() !== '';
        setNeedsTotp(true);
        setError(alreadyAsked ? 'That code did not work. Try the current one.' : 'Enter the 6-digit code from your authenticator app.');
        setTimeout(() => totpRef.current?.focus(), 0);
      } else if (err instanceof ApiError && err.status === 401) {
        setError('Wrong username, email or password.');
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
        label="Username or email"
        name="login"
        autoComplete="username"
        required
        autoFocus
        value={loginName}
        onChange={(e) => setLoginName(e.target.value)}
        testId="login-login"
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        testId="login-password"
      />
      {needsTotp && (
        <Field
          ref={totpRef}
          label="Authentication code"
          name="totpCode"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9A-Za-z-]*"
          maxLength={16}
          hint="The code from your authenticator app, or a recovery code."
          value={totpCode}
          onChange={(e) => setTotpCode(e.target.value)}
          testId="login-totp"
        />
      )}
      <div id="login-error">
        <FormError message={error} />
      </div>
      <button type="submit" className="primary-button" disabled={busy} data-testid="login-submit">
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { beginTwoFactorSetup, confirmTwoFactor, disableTwoFactor, getTwoFactorStatus, type TwoFactorSetup } from '../api/account';
import { ApiError, describeError } from '../api/errors';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { SettingsSection, StatusNote } from './SettingsSection';

type Step =
  | { kind: 'loading' }
  | { kind: 'off' }
  | { kind: 'pending'; setup: TwoFactorSetup }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'on' }
  | { kind: 'disabling' };

export function TwoFactorSettings() {
  const [step, setStep] = useState<Step>({ kind: 'loading' });
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    getTwoFactorStatus()
      .then((status) => live && setStep((current) => (current.kind === 'loading' ? { kind: status.enabled ? 'on' : 'off' } : current)))
      .catch((err: unknown) => live && setError(describeError(err)));
    return () => {
      live = false;
    };
  }, []);

  async function run(work: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  }

  const begin = () =>
    run(async () => {
      try {
        const setup = await beginTwoFactorSetup();
        setCode('');
        setStep({ kind: 'pending', setup });
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          setStep({ kind: 'on' });
          setStatus('Two-factor authentication is already on.');
        } else setError(describeError(err));
      }
    });

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      try {
        const answer = await confirmTwoFactor(code.replace(/\s+/g, ''));
        setCode('');
        setStep({ kind: 'codes', codes: answer.recoveryCodes });
      } catch (err) {
        setError(err instanceof ApiError && err.status === 400 ? 'That code did not match. Enter the current code from the app.' : describeError(err));
      }
    });
  };

  const disable = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      try {
        await disableTwoFactor(password, code.replace(/\s+/g, ''));
        setPassword('');
        setCode('');
        setStep({ kind: 'off' });
        setStatus('Two-factor authentication is off.');
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          setStep({ kind: 'off' });
          setStatus('Two-factor authentication was already off.');
        } else if (err instanceof ApiError && err.status === 403) setError('Wrong password or code.');
        else setError(describeError(err));
      }
    });
  };

  return (
    <SettingsSection title="Two-factor authentication" testId="settings-2fa">
      {step.kind === 'loading' && (
        <p className="muted" role="status">
          Checking…
        </p>
      )}

      {step.kind === 'off' && (
        <div className="settings-form">
          <p className="muted">Ask for a code from an authenticator app when you sign in, on top of your password.</p>
          <div className="settings-actions">
            <button type="button" className="primary-button" disabled={busy} onClick={() => void begin()} data-testid="2fa-setup">
              Set up two-factor
            </button>
          </div>
        </div>
      )}

      {step.kind === 'pending' && (
        <form className="settings-form" onSubmit={confirm}>
          <p>Add this account to your authenticator app with the key or the link below, then enter the code it shows.</p>
          <dl className="secret-list">
            <dt>Key</dt>
            <dd>
              <code data-testid="2fa-secret">{step.setup.secret}</code>
            </dd>
            <dt>Link</dt>
            <dd>
              <code className="wrap-anywhere" data-testid="2fa-uri">
                {step.setup.provisioningUri}
              </code>
            </dd>
          </dl>
          <Field
            label="Code from the app"
            autoFocus
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
            testId="2fa-code"
          />
          <FormError message={error} testId="2fa-error" />
          <div className="settings-actions">
            <button type="submit" className="primary-button" disabled={busy || !code.trim()} data-testid="2fa-confirm">
              Turn on
            </button>
            <button type="button" className="secondary-button" onClick={() => setStep({ kind: 'off' })}>
              Cancel
            </button>
          </div>
        </form>
      )}

      {step.kind === 'codes' && (
        <div className="settings-form">
          <p role="alert">
            Two-factor authentication is on. Save these recovery codes somewhere safe: each signs you in once if you lose
            your phone, and they are not shown again.
          </p>
          <ol className="recovery-codes" aria-label="Recovery codes" data-testid="2fa-recovery-codes">
            {step.codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
          <div className="settings-actions">
            <button type="button" className="primary-button" onClick={() => setStep({ kind: 'on' })} data-testid="2fa-codes-done">
              I have saved them
            </button>
          </div>
        </div>
      )}

      {step.kind === 'on' && (
        <div className="settings-form">
          <p data-testid="2fa-on">Two-factor authentication is on.</p>
          <div className="settings-actions">
            <button type="button" className="secondary-button" onClick={() => setStep({ kind: 'disabling' })} data-testid="2fa-disable">
              Turn off…
            </button>
          </div>
        </div>
      )}

      {step.kind === 'disabling' && (
        <form className="settings-form" onSubmit={disable}>
          <Field
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            testId="2fa-disable-password"
          />
          <Field
            label="Code from the app"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
            testId="2fa-disable-code"
          />
          <FormError message={error} testId="2fa-error" />
          <div className="settings-actions">
            <button type="submit" className="primary-button call-danger" disabled={busy} data-testid="2fa-disable-submit">
              Turn off two-factor
            </button>
            <button type="button" className="secondary-button" onClick={() => setStep({ kind: 'off' })}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <StatusNote message={status} testId="2fa-status" />
    </SettingsSection>
  );
}

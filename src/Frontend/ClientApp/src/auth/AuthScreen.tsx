import { useState } from 'react';
import { ThemeToggle } from '../ui/ThemeToggle';
import { LoginForm } from './LoginForm';
import { SignupForm } from './SignupForm';
import './auth.css';

export function AuthScreen() {
  const [mode, setMode] = useState<'login' | 'signup'>('login');
  return (
    <div className="auth-page">
      <header className="auth-header">
        <span className="brand" aria-hidden="true">
          <span className="brand-mark" />
        </span>
        <span className="brand-name">Chat Grid</span>
        <ThemeToggle />
      </header>
      <main className="auth-main">
        <section className="auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title">{mode === 'login' ? 'Sign in' : 'Create your account'}</h1>
          {mode === 'login' ? <LoginForm /> : <SignupForm />}
          <p className="auth-switch">
            {mode === 'login' ? (
              <>
                New here?{' '}
                <button type="button" className="link-button" data-testid="show-signup" onClick={() => setMode('signup')}>
                  Create an account
                </button>
              </>
            ) : (
              <>
                Already have an account?{' '}
                <button type="button" className="link-button" data-testid="show-login" onClick={() => setMode('login')}>
                  Sign in
                </button>
              </>
            )}
          </p>
        </section>
      </main>
    </div>
  );
}

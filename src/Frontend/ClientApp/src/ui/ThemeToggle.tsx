import { useEffect, useState } from 'react';
import { MoonIcon, SunIcon } from './icons';
import { applyTheme, storedTheme, systemTheme, type Theme } from './theme';

/** Switches between light and dark; until used, the system preference applies. */
export function ThemeToggle() {
  const [explicit, setExplicit] = useState<Theme | null>(() => storedTheme());
  const [system, setSystem] = useState<Theme>(() => systemTheme());

  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return;
    const onChange = () => setSystem(query.matches ? 'dark' : 'light');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  const effective = explicit ?? system;
  const next: Theme = effective === 'dark' ? 'light' : 'dark';
  const label = `Switch to ${next} theme`;

  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={label}
      data-testid="theme-toggle"
      onClick={() => {
        // Going back to the system's choice keeps following it.
        const value = next === system ? null : next;
        applyTheme(value);
        setExplicit(value);
      }}
    >
      {effective === 'dark' ? <SunIcon /> : <MoonIcon />}
    </button>
  );
}

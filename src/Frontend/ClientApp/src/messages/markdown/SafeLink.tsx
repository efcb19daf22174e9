import type { ReactNode } from 'react';
import { safeUrl } from './safeUrl';

/**
 * A link in a message: only http, https and mailto become links (anything else stays text), they open in
 * a new tab without a referrer or opener, and a web link shows its host beside it so a masked link
 * cannot pose as another site. Nothing is fetched for a preview: only our server is ever contacted.
 */
export function SafeLink({ href, children }: { href?: string; children?: ReactNode }) {
  const url = safeUrl(href);
  if (!url) return <span className="md-unsafe-link">{children}</span>;
  const web = url.protocol !== 'mailto:';
  const text = typeof children === 'string' ? children : Array.isArray(children) && children.every((c) => typeof c === 'string') ? children.join('') : null;
  const showsItself = text !== null && (text === href || text === url.href || `http://${text}` === href || `http://${text}/` === url.href);
  return (
    <>
      <a href={url.href} target="_blank" rel="noopener noreferrer nofollow" data-testid="message-link">
        {children}
      </a>
      {web && !showsItself && (
        <span className="link-host" data-testid="message-link-host">
          {' '}({url.host})
        </span>
      )}
    </>
  );
}

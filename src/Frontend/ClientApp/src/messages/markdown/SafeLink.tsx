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
  // An address written out (an autolink such as www.example.com) already shows where it goes.
  const text = plainText(children);
  const showsItself = text !== null && [href, url.href].some((h) => h === text || h === `http://${text}` || h === `http://${text}/`);
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

function plainText(children: ReactNode): string | null {
  if (typeof children === 'string') return children;
  return Array.isArray(children) && children.every((c) => typeof c === 'string') ? children.join('') : null;
}

import { memo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { rehypeEmoji } from './rehypeEmoji';
import { SafeLink } from './SafeLink';

const plugins = [remarkGfm];
const rehypePlugins = [rehypeEmoji];

/** Headings would break the page's outline inside a bubble: shown as a bold line instead. */
function StrongLine({ children }: { children?: ReactNode }) {
  return (
    <p className="md-heading">
      <strong>{children}</strong>
    </p>
  );
}

const components: Components = {
  a: ({ href, children }) => <SafeLink href={href}>{children}</SafeLink>,
  // No images from message text: an image would be fetched from wherever it points. Its link stays, as text.
  img: ({ src, alt }) => <SafeLink href={typeof src === 'string' ? src : undefined}>{alt || (typeof src === 'string' ? src : '')}</SafeLink>,
  h1: StrongLine,
  h2: StrongLine,
  h3: StrongLine,
  h4: StrongLine,
  h5: StrongLine,
  h6: StrongLine,
};

// Leave URLs as written: SafeLink decides what may become a link (react-markdown's default would blank them).
const keepUrl = (url: string) => url;

/**
 * A message's text as markdown (GFM: bold, italic, strikethrough, code, lists, quotes, links, tables).
 * Never as HTML: without rehype-raw, react-markdown shows HTML in the text as the text it is.
 */
export const MessageText = memo(function MessageText({ text }: { text: string }) {
  return (
    <Markdown remarkPlugins={plugins} rehypePlugins={rehypePlugins} components={components} urlTransform={keepUrl}>
      {text}
    </Markdown>
  );
});

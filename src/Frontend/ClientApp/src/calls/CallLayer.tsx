import { createPortal } from 'react-dom';
import './calls.css';

/**
 * A fixed layer above the app where calls (ringing, in-call UI) will render. Empty for now:
 * it is rendered through a portal so call UI survives navigation between conversations.
 */
export function CallLayer() {
  return createPortal(<div id="call-layer" className="call-layer" />, document.body);
}

import { useEffect, useState } from 'preact/hooks';

/**
 * One polite live region per page: status changes (an order paid, an item listed) are announced
 * there for screen readers, and shown, whichever part of the page they come from.
 */
type Listener = (message: string) => void;
const listeners = new Set<Listener>();

export function announce(message: string): void {
  for (const listener of listeners) listener(message);
}

export function Announcer() {
  const [message, setMessage] = useState('');
  useEffect(() => {
    listeners.add(setMessage);
    return () => listeners.delete(setMessage);
  }, []);
  return (
    <p class="announcer" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {message}
    </p>
  );
}

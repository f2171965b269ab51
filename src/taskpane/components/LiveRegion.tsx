import { makeStyles } from '@fluentui/react-components';
import { useMemo, useState } from 'react';

const useStyles = makeStyles({
  // Visually hidden, still read: the usual clip pattern.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export interface Announcer {
  message: string;
  say(text: string): void;
}

/** What a screen reader should hear next (progress, completion, cancel). */
export function useAnnouncer(): Announcer {
  const [message, setMessage] = useState('');
  // The same text twice is still read: alternate a trailing no-break space.
  return useMemo(() => ({ message, say: (text: string) => setMessage((prev) => (prev === text ? `${text}\u00a0` : text)) }), [message]);
}

/** A polite live region: read when the user is idle, never moving focus. Present from the first render, as live regions must be. */
export function LiveRegion({ announcer }: { announcer: Announcer }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={styles.hidden} data-testid="live">
      {announcer.message}
    </div>
  );
}

import { Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Title3, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { tp } from '../../i18n/taskpane';
import type { Host } from '../host';

/** After this long the pane says that office.js is slow and what can be done (it keeps waiting). */
export const SLOW_OFFICE_JS_MS = 10_000;

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, fontFamily: tokens.fontFamilyBase },
});

/**
 * The pane while office.js loads inside Office: on screen at once (a CDN that hangs used
 * to leave it blank for 20–30 s), saying what it waits for; slow or failed, what to do —
 * and the user may choose to work on files meanwhile (never chosen for them).
 */
export function Connecting({ host, onStandalone }: { host: Promise<Host>; onStandalone(): void }) {
  const styles = useStyles();
  const [state, setState] = useState<'waiting' | 'slow' | 'failed'>('waiting');
  useEffect(() => {
    const timer = setTimeout(() => setState((s) => (s === 'waiting' ? 'slow' : s)), SLOW_OFFICE_JS_MS);
    host.catch(() => setState('failed'));
    return () => clearTimeout(timer);
  }, [host]);
  useEffect(() => {
    if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark('wuhua-pane-visible');
  }, []);
  const action = (
    <MessageBarActions>
      <Button onClick={onStandalone}>{tp.useStandalone}</Button>
    </MessageBarActions>
  );
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} data-testid="pane" aria-label={tp.appTitle} aria-busy={state !== 'failed'}>
        <Title3 as="h1">{tp.appTitle}</Title3>
        {state !== 'failed' && <Spinner size="small" label={tp.connecting} data-testid="connecting" />}
        {state === 'slow' && (
          <MessageBar layout="multiline" intent="warning" data-testid="office-slow" aria-labelledby="office-slow-title">
            <MessageBarBody>
              <MessageBarTitle id="office-slow-title">{tp.officeSlowTitle}</MessageBarTitle>
              {tp.officeSlowBody}
            </MessageBarBody>
            {action}
          </MessageBar>
        )}
        {state === 'failed' && (
          <MessageBar layout="multiline" intent="error" role="alert" data-testid="office-failed" aria-labelledby="office-failed-title">
            <MessageBarBody>
              <MessageBarTitle id="office-failed-title">{tp.officeFailedTitle}</MessageBarTitle>
              {tp.officeFailedBody}
            </MessageBarBody>
            {action}
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}

import { createRoot } from 'react-dom/client';
import { App } from './App';
import { Connecting } from './components/Connecting';
import { startHost } from './detect';
import { createStandaloneHost } from './standaloneHost';

// The old-webview guard (guard/old-webview.js, loaded before this bundle) checks this flag
// once the page is parsed: set, the bundle ran. Its own flag: it has shown its message.
const flags = window as Window & { __wuhuaStarted?: boolean; __wuhuaOldWebview?: boolean };
flags.__wuhuaStarted = true;

if (!flags.__wuhuaOldWebview) {
  const root = createRoot(document.getElementById('root')!);
  const start = startHost();
  if (start.kind === 'standalone') root.render(<App host={start.host} />);
  else {
    // Inside Office: the pane at once, the workbook features when office.js is ready —
    // unless the user chose to work on files meanwhile (the pane is never switched under them).
    let onFiles = false;
    const standalone = () => {
      onFiles = true;
      root.render(<App host={createStandaloneHost()} />);
    };
    root.render(<Connecting host={start.host} onStandalone={standalone} />);
    start.host.then(
      (host) => onFiles || root.render(<App host={host} />),
      () => undefined, // Connecting shows the failure and what to do.
    );
  }
}

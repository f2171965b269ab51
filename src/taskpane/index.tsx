import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { detecting } from '../i18n/taskpane';
import { App } from './App';
import { detectHost } from './detect';

const root = createRoot(document.getElementById('root')!);
// office.js outside Office takes about a second to say so: show that something is happening.
root.render(
  <FluentProvider theme={webLightTheme}>
    <Spinner size="small" label={detecting} style={{ marginTop: 24 }} />
  </FluentProvider>,
);
void detectHost().then((host) => root.render(<App host={host} />));

import {
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Button,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Summary } from '../merge/types';
import { describeError, downloadedText, insertedText, openedText, printSetupText, tp, writtenText } from '../i18n/taskpane';
import { ChunkBoundary } from './components/ChunkBoundary';
import { FillTab } from './components/FillTab';
import type { ActionResult, Host } from './host';
import { whenIdle } from './idle';

/**
 * The tabs not shown first are chunks of their own (with what only they use: the merge's
 * views, 初核, 抽查, the inputs, check boxes and progress bar), so the pane's first
 * JavaScript is the 填写 tab's; they are fetched once the pane is on screen and the page
 * is idle, or at once when chosen first.
 */
const loadMergeTab = () => import(/* webpackChunkName: "merge-tab" */ './components/MergeTab');
const loadPrintTab = () => import(/* webpackChunkName: "print-tab" */ './components/PrintTab');
const MergeTab = lazy(() => loadMergeTab().then((m) => ({ default: m.MergeTab })));
const PrintTab = lazy(() => loadPrintTab().then((m) => ({ default: m.PrintTab })));

/** A tab whose code is a chunk of its own: 正在加载… while it comes, a Chinese message if it cannot. */
function LazyTab({ children }: { children: ReactNode }) {
  return (
    <ChunkBoundary failed={tp.tabLoadFailed}>
      <Suspense fallback={<Spinner size="tiny" label={tp.tabLoading} />}>{children}</Suspense>
    </ChunkBoundary>
  );
}

/** Fetches the other tabs' chunks when the page has nothing else to do; returns how to cancel. */
function preloadTabs(): () => void {
  const load = () => {
    // A chunk that fails here fails again, visibly, when its tab is chosen.
    loadMergeTab().catch(() => undefined);
    loadPrintTab().catch(() => undefined);
  };
  return whenIdle(load, 2000, 500);
}

export type TabId = 'fill' | 'merge' | 'print';

/** How a tab tells the pane what happened: a failure (shown, never swallowed) or a confirmation. */
export interface Reporter {
  error(e: unknown): void;
  done(r: ActionResult): void;
  /** Notes about how Excel treated something the pane did on its own (e.g. a live check). */
  note(text: string, notes: readonly string[]): void;
  clear(): void;
}

const useStyles = makeStyles({
  root: {
    minWidth: '280px',
    maxWidth: '100%',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    fontFamily: tokens.fontFamilyBase,
  },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  notes: { margin: 0, marginTop: tokens.spacingVerticalXS, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/** The confirmation on screen: what was done, and what could not be done here. */
interface Notice {
  text: string;
  notes: string[];
}

export function resultText(r: ActionResult): string {
  switch (r.kind) {
    case 'inserted':
      return insertedText(r.sheet);
    case 'downloaded':
      return downloadedText(r.fileName);
    case 'opened':
      return openedText(r.fileName);
    case 'written':
      return writtenText(r.sheets);
    case 'printSetup':
      return printSetupText(r.sheets);
  }
}

export function App({ host, initialTab = 'fill' }: { host: Host; initialTab?: TabId }) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>(initialTab);
  /** Tabs shown so far: a tab is first drawn when it is chosen (the first paint draws one, not three), then stays. */
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set([initialTab]));
  const choose = useCallback((t: TabId) => {
    setTab(t);
    setOpened((o) => (o.has(t) ? o : new Set([...o, t])));
  }, []);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);

  const report = useMemo<Reporter>(
    () => ({
      error: (e) => {
        setNotice(null);
        setError(describeError(e));
      },
      done: (r) => {
        setError(null);
        setNotice({ text: resultText(r), notes: r.notes ?? [] });
      },
      note: (text, notes) => {
        setError(null);
        setNotice({ text, notes: [...notes] });
      },
      clear: () => {
        setError(null);
        setNotice(null);
      },
    }),
    [],
  );

  // Marks when the pane is on screen: the e2e test reads it as the first-render time.
  useEffect(() => {
    if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark('wuhua-pane-visible');
    return preloadTabs();
  }, []);

  const onMerged = useCallback((s: Summary | null) => setSummary(s), []);

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} data-testid="pane" aria-label={tp.appTitle}>
        <Title3 as="h1">{tp.appTitle}</Title3>
        {host.kind === 'standalone' && (
          <MessageBar layout="multiline" intent="info" data-testid="standalone-notice">
            <MessageBarBody>
              <MessageBarTitle>{tp.standaloneTitle}</MessageBarTitle>
              {tp.standaloneBody}
            </MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar layout="multiline" intent="error" role="alert" data-testid="error">
            <MessageBarBody>
              <MessageBarTitle>{tp.errorTitle}</MessageBarTitle>
              {error}
            </MessageBarBody>
            <MessageBarActions containerAction={<Button appearance="transparent" aria-label={tp.dismiss} onClick={() => setError(null)}>×</Button>} />
          </MessageBar>
        )}
        {notice && (
          <MessageBar layout="multiline" intent={notice.notes.length > 0 ? 'warning' : 'success'} role="status" data-testid="notice" aria-labelledby="wuhua-notice-text">
            <MessageBarBody>
              <span id="wuhua-notice-text">{notice.text}</span>
              {notice.notes.length > 0 && (
                <>
                  <br />
                  <MessageBarTitle>{tp.notesTitle}</MessageBarTitle>
                  <ul className={styles.notes} data-testid="notice-notes">
                    {notice.notes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                </>
              )}
            </MessageBarBody>
            <MessageBarActions containerAction={<Button appearance="transparent" aria-label={tp.dismiss} onClick={() => setNotice(null)}>×</Button>} />
          </MessageBar>
        )}
        <TabList selectedValue={tab} onTabSelect={(_, d) => choose(d.value as TabId)} aria-label={tp.tabsLabel} size="medium">
          <Tab value="fill" id="tab-fill" aria-controls="panel-fill">{tp.tabFill}</Tab>
          <Tab value="merge" id="tab-merge" aria-controls="panel-merge">{tp.tabMerge}</Tab>
          <Tab value="print" id="tab-print" aria-controls="panel-print">{tp.tabPrint}</Tab>
        </TabList>
        {/* Panels stay mounted once opened, so a merge in progress and its results survive switching tabs. */}
        <section id="panel-fill" role="tabpanel" aria-labelledby="tab-fill" hidden={tab !== 'fill'} className={tab === 'fill' ? styles.panel : undefined}>
          {opened.has('fill') && <FillTab host={host} report={report} />}
        </section>
        <section id="panel-merge" role="tabpanel" aria-labelledby="tab-merge" hidden={tab !== 'merge'} className={tab === 'merge' ? styles.panel : undefined}>
          {opened.has('merge') && (
            <LazyTab>
              <MergeTab host={host} report={report} onMerged={onMerged} />
            </LazyTab>
          )}
        </section>
        <section id="panel-print" role="tabpanel" aria-labelledby="tab-print" hidden={tab !== 'print'} className={tab === 'print' ? styles.panel : undefined}>
          {opened.has('print') && (
            <LazyTab>
              <PrintTab host={host} report={report} summary={summary} />
            </LazyTab>
          )}
        </section>
      </main>
    </FluentProvider>
  );
}

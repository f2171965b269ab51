/**
 * The committee's views of a finished merge (issue 9 §1, §4, §6), under the 汇总 tab's
 * results: what could not be judged (no roster, or a roster without some columns —
 * the merge's own sentences), 催报 and the charts. 催报 and the charts are chunks of
 * their own, loaded only after a merge (React.lazy), so the pane's first JavaScript
 * does not carry them.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy } from 'react';
import { chartPaneZh, rosterPaneZh } from '../../i18n/committeePane';
import type { Summary } from '../../merge/types';
import { ChunkBoundary } from './ChunkBoundary';

const ReminderPanel = lazy(() => import(/* webpackChunkName: "committee" */ './ReminderPanel').then((m) => ({ default: m.ReminderPanel })));
const Charts = lazy(() => import(/* webpackChunkName: "charts" */ './Charts').then((m) => ({ default: m.Charts })));

const useStyles = makeStyles({
  list: { margin: 0, marginTop: tokens.spacingVerticalXS, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

export function CommitteeViews({ summary }: { summary: Summary }) {
  const styles = useStyles();
  const loading = <Spinner size="tiny" label={chartPaneZh.loading} />;
  return (
    <>
      {summary.notJudged.length > 0 && (
        <MessageBar layout="multiline" intent="info" data-testid="not-judged">
          <MessageBarBody>
            <MessageBarTitle>{rosterPaneZh.judgedTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {summary.notJudged.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {summary.obligations && (
        <ChunkBoundary failed={chartPaneZh.failed}>
          <Suspense fallback={loading}>
            <ReminderPanel obligations={summary.obligations} />
          </Suspense>
        </ChunkBoundary>
      )}
      <ChunkBoundary failed={chartPaneZh.failed}>
        <Suspense fallback={loading}>
          <Charts summary={summary} />
        </Suspense>
      </ChunkBoundary>
    </>
  );
}

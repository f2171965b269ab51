/**
 * The roster (名册) beside the 汇总 tab's roster box (issue 9 §1): 下载名册模板 — the
 * same workbook as `bin/wuhua template roster`, made in the worker and handed over
 * (Excel: a new workbook; the page: a download) — and, once a roster file is read,
 * what was read and what was not: how many branches, the columns recognised, columns
 * ignored, rows and values that could not be used, each with its row number.
 */
import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { hiddenCount, tp } from '../../i18n/taskpane';
import { rosterPaneZh as z } from '../../i18n/committeePane';
import type { Reporter } from '../App';
import type { Host, RosterRead } from '../host';
import { runJob } from '../work/client';

const NOTES_PAGE = 20;

/** A roster file read, as the pane keeps it to show its notes. */
export type RosterReadNotes = Extract<RosterRead, { ok: true }> & { file: string };

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  list: { margin: 0, marginTop: tokens.spacingVerticalXS, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

export function RosterTemplateButton({ host, report, disabled }: { host: Host; report: Reporter; disabled?: boolean }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setBusy(true);
    try {
      const made = await runJob('rosterTemplateFile', undefined);
      if (host.handOver) report.done(await host.handOver({ ...made, fileName: z.templateFile }));
    } catch (e) {
      report.error(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.section}>
      <div>
        <Button size="small" disabledFocusable={busy || disabled || !host.handOver} onClick={() => void make()}>
          {z.downloadTemplate}
        </Button>
      </div>
      <Caption1>{z.templateHint}</Caption1>
    </div>
  );
}

/** What a roster file gave and what it did not. */
export function RosterNotes({ read }: { read: RosterReadNotes }) {
  const styles = useStyles();
  const notes = read.notes ?? [];
  // A roster with hundreds of bad rows: the first ones, and the rest on request.
  const [shown, setShown] = useState(NOTES_PAGE);
  return (
    <MessageBar layout="multiline" intent={notes.length > 0 ? 'warning' : 'info'} data-testid="roster-notes">
      <MessageBarBody>
        <MessageBarTitle>{z.notesTitle(read.file)}</MessageBarTitle>
        <div>{z.read(read.count ?? read.names.length, read.structured === true)}</div>
        {read.structured && read.columns && read.columns.length > 0 && <div>{z.columns(read.columns)}</div>}
        {notes.length > 0 && (
          <>
            <div>{z.problemsTitle(notes.length)}</div>
            <ul className={styles.list}>
              {notes.slice(0, shown).map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
            {notes.length > shown && (
              <div>
                <Caption1>{hiddenCount(notes.length - shown)}</Caption1>{' '}
                <Button size="small" onClick={() => setShown((n) => n + NOTES_PAGE)}>
                  {tp.showMore}
                </Button>
              </div>
            )}
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * After a merge, the roster it used when it was typed or pasted (a file's notes are shown
 * when it is read): what it gave and left out, or why it could not be used at all.
 */
export function MergedRosterNotes({ read, source }: { read: RosterRead; source: string }) {
  if (read.ok) return <RosterNotes read={{ ...read, file: source }} />;
  return (
    <MessageBar layout="multiline" intent="warning" data-testid="roster-notes">
      <MessageBarBody>{z.unusable(source, read.reason)}</MessageBarBody>
    </MessageBar>
  );
}

import {
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { Summary } from '../../merge/types';
import {
  cancelledText,
  duplicateText,
  editedRoster,
  formShortLabel,
  mergeStartedText,
  mergeSummaryText,
  progressPercentText,
  progressText,
  rosterFileError,
  selectedFiles,
  skippedDuplicateFiles,
  tp,
} from '../../i18n/taskpane';
import type { Reporter } from '../App';
import type { Host, MergeOutcome, MergeProgress } from '../host';
import { todayIso } from '../host';
import { dropPrepared, prepareWorkers, startWorkerWhenIdle } from '../work/client';
import { FilePicker } from './FilePicker';
import { DispatchPanel } from './DispatchPanel';
import { FileResults } from './FileResults';
import { LiveRegion, useAnnouncer } from './LiveRegion';
import { CommitteeViews } from './CommitteeViews';
import { ReviewPanel } from './ReviewPanel';
import { MergedRosterNotes, RosterNotes, RosterTemplateButton, type RosterReadNotes } from './RosterTools';
import { SamplePanel } from './SamplePanel';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  // No width transition: updated 4 times a second, Fluent's 0.3 s one never stopped, and the page
  // laid out and painted 60 frames a second through a merge, a third of a core taken from the workers.
  bar: { transitionProperty: 'none' },
});

/** The same file picked twice (again, or through its folder): same name, size and modification time. */
export function fileKey(f: File): string {
  return `${f.name}\u0000${f.size}\u0000${f.lastModified}`;
}

/**
 * 汇总: files and roster in, per-file results and the summary out. Sections, top to bottom:
 * inputs (files, roster) · run (start, cancel, progress) · outcome (counts, write, duplicates,
 * 未报送, then any further component over `outcome.summary`) · per-file results.
 * Any change of the inputs drops the outcome: a result never describes other files.
 */
export function MergeTab({ host, report, onMerged }: { host: Host; report: Reporter; onMerged(s: Summary | null): void }) {
  const styles = useStyles();
  const isExcel = host.kind === 'excel';
  const [files, setFiles] = useState<File[]>([]);
  const [skipped, setSkipped] = useState(0);
  const [rosterText, setRosterText] = useState('');
  /** The roster file(s) the names came from; undefined: typed or pasted. */
  const [rosterSource, setRosterSource] = useState<string | undefined>(undefined);
  /** Roster files read: what each gave and left out (shown until the roster box is emptied). */
  const [rosterReads, setRosterReads] = useState<RosterReadNotes[]>([]);
  const [includeWorkbook, setIncludeWorkbook] = useState(isExcel);
  const [progress, setProgress] = useState<MergeProgress | null>(null);
  const [outcome, setOutcome] = useState<MergeOutcome | null>(null);
  const [stale, setStale] = useState(false);
  const [writing, setWriting] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const announcer = useAnnouncer();
  const progressId = useId();
  const cancelledId = useId();
  useEffect(startWorkerWhenIdle, []);

  /** Inputs changed: results, the summary and its downloads no longer match them. */
  const invalidate = () => {
    if (outcome === null) return;
    dropPrepared();
    setOutcome(null);
    onMerged(null);
    setStale(true);
    announcer.say(tp.resultsReset);
  };

  const addFiles = (more: File[]) => {
    const seen = new Set(files.map(fileKey));
    const fresh: File[] = [];
    for (const f of more) {
      const key = fileKey(f);
      if (seen.has(key)) continue;
      seen.add(key);
      fresh.push(f);
    }
    setSkipped(more.length - fresh.length);
    if (fresh.length === 0) return;
    const picked = [...files, ...fresh];
    setFiles(picked);
    invalidate();
    prepareWorkers(picked, todayIso()).catch(() => undefined); // a worker that cannot start: the merge runs on the page
  };

  const clearFiles = () => {
    setFiles([]);
    setSkipped(0);
    invalidate();
    prepareWorkers([], todayIso()).catch(() => undefined);
  };

  const editRoster = (text: string) => {
    setRosterText(text);
    if (text.trim() === '') setRosterReads([]);
    setRosterSource((src) => (text.trim() === '' || src === undefined ? undefined : editedRoster(src)));
    invalidate();
  };

  const loadRoster = async (picked: File[]) => {
    try {
      for (const f of picked) {
        const r = await host.readRoster(f);
        if (!r.ok) {
          report.error(new Error(rosterFileError(f.name, r.reason)));
          continue;
        }
        setRosterReads((prev) => [...prev.filter((p) => p.file !== f.name), { ...r, file: f.name }]);
        const typed = rosterText.trim() !== '';
        setRosterText((prev) => [prev.trim(), ...r.names].filter(Boolean).join('\n'));
        // Names only from files: 未报送 cites the file; mixed with typed names: the file and 粘贴.
        setRosterSource((src) => (typed && src === undefined ? `${tp.pastedRoster}、${f.name}` : src ? `${src}、${f.name}` : f.name));
        invalidate();
      }
    } catch (e) {
      report.error(e);
    }
  };

  const start = async () => {
    const ac = new AbortController();
    controller.current = ac;
    setOutcome(null);
    setStale(false);
    onMerged(null);
    const total = files.length;
    setProgress({ done: 0, total });
    announcer.say(mergeStartedText(total));
    report.clear();
    // 开始汇总 disables itself: keep the keyboard on the run, at 取消.
    requestAnimationFrame(() => cancelButton.current?.focus());
    let quarter = 0;
    try {
      const result = await host.mergeFiles({
        files,
        rosterText: rosterText.trim() === '' ? undefined : rosterText,
        rosterSource: rosterText.trim() === '' ? undefined : rosterSource,
        asOf: todayIso(),
        includeWorkbook: isExcel && includeWorkbook,
        onProgress: (p) => {
          setProgress(p);
          // Spoken at each quarter, not at every update.
          const q = p.total > 0 ? Math.floor((4 * p.done) / p.total) : 0;
          if (q > quarter && q < 4) {
            quarter = q;
            announcer.say(progressPercentText(p.done, p.total));
          }
        },
        signal: ac.signal,
      });
      setOutcome(result);
      if (result.cancelled) announcer.say(cancelledText(result.results.length, result.total));
      else {
        onMerged(result.summary);
        announcer.say(mergeSummaryText(result.summary.submissions.length, result.results.length, result.summary.rejected.length));
      }
    } catch (e) {
      report.error(e);
    } finally {
      controller.current = null;
      setProgress(null);
      // 取消 goes away: the keyboard goes back to 开始汇总.
      if (document.activeElement === cancelButton.current || document.activeElement === document.body) requestAnimationFrame(() => startButton.current?.focus());
    }
  };

  const write = async (summary: Summary) => {
    setWriting(true);
    announcer.say(tp.writing);
    try {
      report.done(await host.writeSummary(summary));
    } catch (e) {
      report.error(e);
    } finally {
      setWriting(false);
    }
  };

  const running = progress !== null;
  const canStart = files.length > 0 || (isExcel && includeWorkbook);

  return (
    <div className={styles.section} aria-busy={running || writing}>
      <LiveRegion announcer={announcer} />
      <div className={styles.section}>
        <FilePicker label={tp.filesLabel} buttonText={tp.pickFiles} many testId="merge-files" disabled={running} onFiles={addFiles} />
        <div className={styles.row}>
          <Caption1 data-testid="merge-count">{selectedFiles(files.length)}</Caption1>
          <Button size="small" disabledFocusable={running || files.length === 0} onClick={clearFiles}>
            {tp.clearFiles}
          </Button>
        </div>
        {skipped > 0 && <Caption1 data-testid="merge-skipped">{skippedDuplicateFiles(skipped)}</Caption1>}
        {isExcel && (
          <Checkbox
            checked={includeWorkbook}
            disabled={running}
            onChange={(_, d) => {
              setIncludeWorkbook(d.checked === true);
              invalidate();
            }}
            label={tp.includeWorkbook}
          />
        )}
      </div>

      <div className={styles.section}>
        <Field label={tp.rosterLabel}>
          <Textarea value={rosterText} disabled={running} onChange={(_, d) => editRoster(d.value)} resize="vertical" rows={3} />
        </Field>
        <FilePicker label={tp.rosterFile} buttonText={tp.pickFiles} accept=".txt,.csv,.xlsx,.xls,.et,.ods,text/plain,text/csv" testId="roster-file" disabled={running} onFiles={loadRoster} />
        {rosterReads.map((r) => (
          <RosterNotes key={r.file} read={r} />
        ))}
        <RosterTemplateButton host={host} report={report} disabled={running} />
        <DispatchPanel host={host} report={report} rosterText={rosterText} rosterSource={rosterSource} disabled={running} />
      </div>

      <div className={styles.row}>
        <Button ref={startButton} appearance="primary" disabledFocusable={running || !canStart} onClick={() => void start()}>
          {tp.startMerge}
        </Button>
        {running && (
          <Button ref={cancelButton} onClick={() => controller.current?.abort()}>
            {tp.cancel}
          </Button>
        )}
      </div>
      {running && (
        <Field label={tp.progressLabel} validationMessage={progressText(progress.done, progress.total, progress.current)} validationState="none" id={progressId}>
          <ProgressBar bar={{ className: styles.bar }} value={progress.total > 0 ? progress.done / progress.total : undefined} max={1} aria-valuetext={progressPercentText(progress.done, progress.total)} />
        </Field>
      )}

      {stale && !running && outcome === null && (
        <Caption1 data-testid="merge-stale">{tp.resultsReset}</Caption1>
      )}

      {outcome?.cancelled && (
        <MessageBar layout="multiline" intent="warning" data-testid="cancelled" aria-labelledby={cancelledId}>
          <MessageBarBody id={cancelledId}>{cancelledText(outcome.results.length, outcome.total)}</MessageBarBody>
        </MessageBar>
      )}

      {outcome && !outcome.cancelled && (
        <div className={styles.section} data-testid="merge-results">
          <Text>{mergeSummaryText(outcome.summary.submissions.length, outcome.results.length, outcome.summary.rejected.length)}</Text>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabledFocusable={writing}
              icon={writing ? <Spinner size="tiny" /> : undefined}
              onClick={() => void write(outcome.summary)}
            >
              {writing ? tp.writing : isExcel ? tp.writeSummaryExcel : tp.writeSummaryFile}
            </Button>
          </div>
          {outcome.summary.duplicates.length > 0 && (
            <MessageBar layout="multiline" intent="warning" data-testid="duplicates">
              <MessageBarBody>
                <MessageBarTitle>{tp.duplicatesTitle}</MessageBarTitle>
                <ul className={styles.list}>
                  {outcome.summary.duplicates.map((d) => (
                    <li key={`${d.form}:${d.branch}`}>{`${formShortLabel(d.form)} ${duplicateText(d.branch, d.kept, d.superseded)}`}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {outcome.summary.hasRoster && outcome.summary.missing.length > 0 && (
            <MessageBar layout="multiline" intent="warning" data-testid="missing">
              <MessageBarBody>
                <MessageBarTitle>{`${tp.missingTitle}（${outcome.summary.missing.length}）`}</MessageBarTitle>
                {outcome.summary.missing.map((m) => m.name).join('、')}
              </MessageBarBody>
            </MessageBar>
          )}
          {/* Further views of the summary (charts, 催报, 初核 …) go here, each a component of its own over outcome.summary. */}
          {outcome.roster && rosterReads.length === 0 && <MergedRosterNotes read={outcome.roster} source={rosterSource ?? tp.pastedRoster} />}
          <CommitteeViews summary={outcome.summary} />
          {outcome.summary.rows.length > 0 && <ReviewPanel host={host} report={report} summary={outcome.summary} files={files} />}
          {outcome.summary.rows.length > 0 && <SamplePanel host={host} report={report} summary={outcome.summary} />}
        </div>
      )}

      {outcome && <FileResults results={outcome.results} host={host} onError={report.error} />}
    </div>
  );
}

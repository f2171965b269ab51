import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import type { Summary } from '../../merge/types';
import type { IntakeResult } from '../../model/types';
import {
  cancelledText,
  duplicateText,
  formShortLabel,
  hiddenCount,
  mergeSummaryText,
  problemsToggleLabel,
  progressText,
  rosterFileError,
  selectedFiles,
  THIS_WORKBOOK,
  tp,
} from '../../i18n/taskpane';
import type { Reporter } from '../App';
import type { Host, MergeOutcome, MergeProgress } from '../host';
import { todayIso } from '../host';
import { FilePicker } from './FilePicker';
import { ProblemList, SeverityBadges } from './ProblemList';

const PAGE = 100;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { overflowWrap: 'anywhere' },
  toggle: { alignSelf: 'flex-start', minWidth: 0, paddingInline: 0 },
});

interface FileResultProps {
  r: IntakeResult;
  /** The forms of this workbook (Excel): a problem's cell can be selected. */
  canSelect: boolean;
  onSelect(sheet: string, cell: string): void;
}

/** One file of the merge: its forms with counts, and on demand the list of its problems. */
function FileResult({ r, canSelect, onSelect }: FileResultProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (!r.ok) {
    return (
      <li className={styles.item} data-testid="file-result">
        <div className={styles.row}>
          <Text weight="semibold" className={styles.text}>{r.file}</Text>
          <Badge color="danger" appearance="outline">{tp.rejected}</Badge>
        </div>
        <Text size={200} className={styles.text} data-testid="reject-reason">{r.reason}</Text>
      </li>
    );
  }
  const problems = r.submissions.reduce((n, s) => n + s.issues.length, 0);
  return (
    <li className={styles.item} data-testid="file-result">
      <Text weight="semibold" className={styles.text}>{r.file}</Text>
      {r.submissions.map((s) => (
        <div key={s.sheet} className={styles.row}>
          <Caption1 className={styles.text}>
            {formShortLabel(s.form)} · {typeof s.fields.branchName === 'string' ? s.fields.branchName : tp.unnamedBranch}
          </Caption1>
          {s.issues.length > 0 ? <SeverityBadges issues={s.issues} /> : <Badge color="success" appearance="tint">{tp.noProblemsShort}</Badge>}
        </div>
      ))}
      {problems > 0 && (
        <>
          <Button
            size="small"
            appearance="subtle"
            className={styles.toggle}
            icon={<span aria-hidden="true">{open ? '▾' : '▸'}</span>}
            aria-expanded={open}
            aria-controls={listId}
            aria-label={problemsToggleLabel(open, r.file, problems)}
            onClick={() => setOpen((o) => !o)}
          >
            {`${open ? tp.hideProblems : tp.showProblems}（${problems}）`}
          </Button>
          {open && (
            <div id={listId} data-testid="file-problems">
              <ProblemList submissions={r.submissions} canSelect={canSelect} onSelect={onSelect} compact />
            </div>
          )}
        </>
      )}
    </li>
  );
}

export function MergeTab({ host, report, onMerged }: { host: Host; report: Reporter; onMerged(s: Summary | null): void }) {
  const styles = useStyles();
  const isExcel = host.kind === 'excel';
  const [files, setFiles] = useState<File[]>([]);
  const [rosterText, setRosterText] = useState('');
  const [includeWorkbook, setIncludeWorkbook] = useState(isExcel);
  const [progress, setProgress] = useState<MergeProgress | null>(null);
  const [outcome, setOutcome] = useState<MergeOutcome | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [writing, setWriting] = useState(false);
  const controller = useRef<AbortController | null>(null);

  const addFiles = (more: File[]) => setFiles((prev) => [...prev, ...more]);

  const loadRoster = async (picked: File[]) => {
    try {
      for (const f of picked) {
        const r = await host.readRoster(f);
        if (!r.ok) {
          report.error(new Error(rosterFileError(f.name, r.reason)));
          continue;
        }
        setRosterText((prev) => [prev.trim(), ...r.names].filter(Boolean).join('\n'));
      }
    } catch (e) {
      report.error(e);
    }
  };

  const start = async () => {
    const ac = new AbortController();
    controller.current = ac;
    setOutcome(null);
    onMerged(null);
    setShown(PAGE);
    setProgress({ done: 0, total: files.length });
    report.clear();
    try {
      const result = await host.mergeFiles({
        files,
        rosterText: rosterText.trim() === '' ? undefined : rosterText,
        asOf: todayIso(),
        includeWorkbook: isExcel && includeWorkbook,
        onProgress: setProgress,
        signal: ac.signal,
      });
      setOutcome(result);
      if (!result.cancelled) onMerged(result.summary);
    } catch (e) {
      report.error(e);
    } finally {
      controller.current = null;
      setProgress(null);
    }
  };

  const write = async (summary: Summary) => {
    setWriting(true);
    try {
      report.done(await host.writeSummary(summary));
    } catch (e) {
      report.error(e);
    } finally {
      setWriting(false);
    }
  };

  const running = progress !== null;
  const canStart = !running && (files.length > 0 || (isExcel && includeWorkbook));
  // Problem files first: with hundreds of files the clean ones matter least.
  const ordered = outcome
    ? [...outcome.results].sort((a, b) => rank(a) - rank(b))
    : [];

  return (
    <>
      <div className={styles.section}>
        <FilePicker label={tp.filesLabel} buttonText={tp.pickFiles} many testId="merge-files" onFiles={addFiles} />
        <div className={styles.row}>
          <Caption1 data-testid="merge-count">{selectedFiles(files.length)}</Caption1>
          {files.length > 0 && (
            <Button size="small" disabled={running} onClick={() => setFiles([])}>
              {tp.clearFiles}
            </Button>
          )}
        </div>
        {isExcel && <Checkbox checked={includeWorkbook} onChange={(_, d) => setIncludeWorkbook(d.checked === true)} label={tp.includeWorkbook} />}
      </div>

      <div className={styles.section}>
        <Field label={tp.rosterLabel}>
          <Textarea value={rosterText} onChange={(_, d) => setRosterText(d.value)} resize="vertical" rows={3} />
        </Field>
        <FilePicker label={tp.rosterFile} buttonText={tp.pickFiles} accept=".txt,.csv,.xlsx,text/plain,text/csv" testId="roster-file" onFiles={loadRoster} />
      </div>

      <div className={styles.row}>
        <Button appearance="primary" disabled={!canStart} onClick={() => void start()}>
          {tp.startMerge}
        </Button>
        {running && (
          <Button onClick={() => controller.current?.abort()}>{tp.cancel}</Button>
        )}
      </div>
      {running && (
        <Field label={tp.progressLabel} validationMessage={progressText(progress.done, progress.total, progress.current)} validationState="none">
          <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} max={1} />
        </Field>
      )}

      {outcome?.cancelled && (
        <MessageBar layout="multiline" intent="warning" data-testid="cancelled">
          <MessageBarBody>{cancelledText(outcome.results.length, outcome.total)}</MessageBarBody>
        </MessageBar>
      )}

      {outcome && !outcome.cancelled && (
        <div className={styles.section} data-testid="merge-results">
          <Text>{mergeSummaryText(outcome.summary.submissions.length, outcome.results.length, outcome.summary.rejected.length)}</Text>
          <div className={styles.row}>
            <Button appearance="primary" disabled={writing} onClick={() => void write(outcome.summary)}>
              {isExcel ? tp.writeSummaryExcel : tp.writeSummaryFile}
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
        </div>
      )}

      {outcome && outcome.results.length > 0 && (
        <div className={styles.section}>
          <Subtitle2 as="h2">{tp.resultsTitle}</Subtitle2>
          <ul className={styles.list} aria-label={tp.resultsTitle}>
            {ordered.slice(0, shown).map((r, i) => (
              <FileResult
                key={`${i}:${r.file}`}
                r={r}
                canSelect={host.canSelectCells && r.file === THIS_WORKBOOK}
                onSelect={(sheet, cell) => host.selectCell(sheet, cell).catch(report.error)}
              />
            ))}
          </ul>
          {ordered.length > shown && (
            <div className={styles.row}>
              <Caption1>{hiddenCount(ordered.length - shown)}</Caption1>
              <Button size="small" onClick={() => setShown((n) => n + PAGE)}>{tp.showMore}</Button>
            </div>
          )}
        </div>
      )}
    </>
  );
}

function rank(r: IntakeResult): number {
  if (!r.ok) return 0;
  const issues = r.submissions.flatMap((s) => s.issues);
  if (issues.some((i) => i.severity === 'error')) return 1;
  if (issues.some((i) => i.severity === 'warning')) return 2;
  return 3;
}

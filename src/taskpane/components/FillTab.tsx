import { Button, Caption1, Field, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FORMS } from '../../forms';
import type { FormId } from '../../forms/types';
import type { CheckedSubmission, Stage } from '../../model/types';
import { HOST_NOTES } from '../../i18n/excel';
import { formLabel, selectedFiles, tp } from '../../i18n/taskpane';
import type { Reporter } from '../App';
import type { CheckResult, Host } from '../host';
import { todayIso } from '../host';
import { FilePicker } from './FilePicker';
import { ProblemList, SeverityBadges } from './ProblemList';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

/** `result` with the forms of `sheet` replaced by `subs` (at the place of the old ones; a new sheet's go last). */
export function replaceSheet(result: CheckResult | null, sheet: string, subs: readonly CheckedSubmission[]): CheckResult {
  const before = result ?? { submissions: [], rejected: [] };
  const at = before.submissions.findIndex((s) => s.sheet === sheet);
  const rest = before.submissions.filter((s) => s.sheet !== sheet);
  rest.splice(at < 0 ? rest.length : at, 0, ...subs);
  return { ...before, submissions: rest };
}

export function FillTab({ host, report }: { host: Host; report: Reporter }) {
  const styles = useStyles();
  const [form, setForm] = useState<FormId>('demonstration');
  const [stage, setStage] = useState<Stage>('filling');
  const [files, setFiles] = useState<File[]>([]);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState<'insert' | 'export' | null>(null);
  const [checking, setChecking] = useState(0);
  const isExcel = host.kind === 'excel';

  // Checks run one after another and each result is applied in the order the checks
  // started: a check that read the workbook later always has the last word (Excel runs
  // its batches one at a time anyway), with no bookkeeping of which result is newer.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const enqueue = useCallback((job: () => Promise<void>): Promise<void> => {
    setChecking((n) => n + 1);
    queue.current = queue.current.then(job).finally(() => setChecking((n) => n - 1));
    return queue.current;
  }, []);

  const check = useCallback(
    (withStage: Stage, withFiles: readonly File[]) =>
      enqueue(async () => {
        try {
          const r = await host.checkForms({ stage: withStage, asOf: todayIso(), files: isExcel ? undefined : withFiles });
          setResult(r);
          if (r.failures && r.failures.length > 0) report.error(r.failures[0]);
          else if (r.notes && r.notes.length > 0) report.note(HOST_NOTES.checkedTitle, r.notes);
        } catch (e) {
          report.error(e);
        }
      }),
    [host, report, isExcel, enqueue],
  );

  /** Excel: after an edit, only the sheet that changed is read again; the others stay as they are. */
  const checkSheet = useCallback(
    (withStage: Stage, sheet: string) =>
      enqueue(async () => {
        try {
          const r = await host.checkForms({ stage: withStage, asOf: todayIso(), sheets: [sheet] });
          setResult((prev) => replaceSheet(prev, sheet, r.submissions));
          if (r.failures && r.failures.length > 0) report.error(r.failures[0]);
          else if (r.notes && r.notes.length > 0) report.note(HOST_NOTES.checkedTitle, r.notes);
        } catch (e) {
          report.error(e);
        }
      }),
    [host, report, enqueue],
  );

  // Inside Excel the list is live: check on open and whenever a form sheet changes.
  const stageRef = useRef(stage);
  stageRef.current = stage;
  useEffect(() => {
    if (!isExcel) return;
    void check(stageRef.current, []);
    return host.watch((sheet) => void (sheet ? checkSheet(stageRef.current, sheet) : check(stageRef.current, [])), report.error);
  }, [host, isExcel, check, checkSheet, report]);

  const run = async (what: 'insert' | 'export', action: () => Promise<Parameters<Reporter['done']>[0]>) => {
    setBusy(what);
    try {
      report.done(await action());
      if (what === 'insert' && isExcel) await check(stage, []);
    } catch (e) {
      report.error(e);
    } finally {
      setBusy((b) => (b === what ? null : b));
    }
  };

  const onStage = (s: Stage) => {
    setStage(s);
    if (isExcel || files.length > 0) void check(s, files);
  };

  const onFiles = (picked: File[]) => {
    setFiles(picked);
    if (picked.length > 0) void check(stage, picked);
    else void enqueue(async () => setResult(null)); // after a check still running for the old files
  };

  const all = result ? result.submissions.flatMap((s) => s.issues) : [];
  const empty = result !== null && result.submissions.length === 0 && result.rejected.length === 0;

  return (
    <>
      <div className={styles.section}>
        <Field label={tp.chooseForm}>
          <RadioGroup value={form} onChange={(_, d) => setForm(d.value as FormId)}>
            {FORMS.map((f) => (
              <Radio key={f.id} value={f.id} label={formLabel(f)} />
            ))}
          </RadioGroup>
        </Field>
        <div className={styles.row}>
          {/* disabledFocusable: a button that disables itself while busy keeps the keyboard focus. */}
          <Button
            appearance="primary"
            disabledFocusable={busy === 'insert'}
            icon={busy === 'insert' ? <Spinner size="tiny" /> : undefined}
            onClick={() => run('insert', () => host.insertForm(form))}
          >
            {isExcel ? tp.insertForm : tp.downloadTemplate}
          </Button>
          {isExcel && (
            <Button
              disabledFocusable={busy === 'export'}
              icon={busy === 'export' ? <Spinner size="tiny" /> : undefined}
              onClick={() => run('export', () => host.exportTemplate(form))}
              title={tp.exportTemplateHint}
            >
              {tp.exportTemplate}
            </Button>
          )}
        </div>
      </div>

      <div className={styles.section}>
        <Field label={tp.stage} hint={tp.stageHint[stage]}>
          <RadioGroup layout="horizontal" value={stage} onChange={(_, d) => onStage(d.value as Stage)}>
            <Radio value="filling" label={tp.stageLabels.filling} />
            <Radio value="committee" label={tp.stageLabels.committee} />
          </RadioGroup>
        </Field>
        {!isExcel && (
          <FilePicker label={tp.checkFilesLabel} buttonText={tp.checkFilesButton} testId="check-files" multiple onFiles={onFiles} />
        )}
        {!isExcel && files.length > 0 && <Caption1>{selectedFiles(files.length)}</Caption1>}
        <div className={styles.row}>
          <Button disabled={!isExcel && files.length === 0} disabledFocusable={checking > 0} onClick={() => void check(stage, files)}>
            {tp.checkAll}
          </Button>
          {checking > 0 && <Spinner size="tiny" label={tp.checking} />}
        </div>
      </div>

      <div className={styles.section} aria-live="polite">
        {result && result.submissions.length > 0 && (
          <div className={styles.row} data-testid="totals">
            <Text weight="semibold">{tp.problemsTitle}</Text>
            <SeverityBadges issues={all} />
            {all.length === 0 && <Text>{tp.noProblems}</Text>}
          </div>
        )}
        {empty && <Text>{isExcel ? tp.noFormsExcel : tp.noFormsFiles}</Text>}
        {isExcel && result && all.length > 0 && <Caption1>{tp.selectCellHint}</Caption1>}
        {result && (
          <ProblemList
            submissions={result.submissions}
            rejected={result.rejected}
            canSelect={host.canSelectCells}
            showFile={!isExcel}
            onSelect={(sheet, cell) => host.selectCell(sheet, cell).catch(report.error)}
          />
        )}
      </div>
    </>
  );
}

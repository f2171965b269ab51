import { Button, Caption1, Field, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FORMS } from '../../forms';
import type { FormId } from '../../forms/types';
import type { Stage } from '../../model/types';
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

export function FillTab({ host, report }: { host: Host; report: Reporter }) {
  const styles = useStyles();
  const [form, setForm] = useState<FormId>('demonstration');
  const [stage, setStage] = useState<Stage>('filling');
  const [files, setFiles] = useState<File[]>([]);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState<'insert' | 'export' | 'check' | null>(null);
  // Only the newest check may show its result: an older one finishing late is dropped.
  const checkSeq = useRef(0);
  const isExcel = host.kind === 'excel';

  const check = useCallback(
    async (withStage: Stage, withFiles: readonly File[]) => {
      const seq = ++checkSeq.current;
      setBusy('check');
      try {
        const r = await host.checkForms({ stage: withStage, asOf: todayIso(), files: isExcel ? undefined : withFiles });
        if (seq === checkSeq.current) {
          setResult(r);
          if (r.failures && r.failures.length > 0) report.error(r.failures[0]);
        }
      } catch (e) {
        if (seq === checkSeq.current) report.error(e);
      } finally {
        if (seq === checkSeq.current) setBusy(null);
      }
    },
    [host, report, isExcel],
  );

  // Inside Excel the list is live: check on open and whenever a form sheet changes.
  const stageRef = useRef(stage);
  stageRef.current = stage;
  useEffect(() => {
    if (!isExcel) return;
    void check(stageRef.current, []);
    return host.watch(() => void check(stageRef.current, []), report.error);
  }, [host, isExcel, check, report]);

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
    else setResult(null);
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
          <Button appearance="primary" disabled={busy === 'insert'} onClick={() => run('insert', () => host.insertForm(form))}>
            {isExcel ? tp.insertForm : tp.downloadTemplate}
          </Button>
          {isExcel && (
            <Button disabled={busy === 'export'} onClick={() => run('export', () => host.exportTemplate(form))} title={tp.exportTemplateHint}>
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
          <Button disabled={busy === 'check' || (!isExcel && files.length === 0)} onClick={() => void check(stage, files)}>
            {tp.checkAll}
          </Button>
          {busy === 'check' && <Spinner size="tiny" label={tp.checking} />}
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

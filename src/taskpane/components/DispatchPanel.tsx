/**
 * 按名册生成模板 (下发, issue 9 §5) under the 汇总 tab's roster: from the roster already
 * in the box (pasted, or picked with 从文件导入名单), one zip of templates with each
 * owing branch's name prefilled, a folder per 上级党组织 — made in the Web Worker
 * (jobs.ts dispatchFile) and downloaded, in the page and in Excel alike (a zip is no
 * workbook Excel could open).
 */
import { Button, Caption1, Checkbox, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { FORMS } from '../../forms';
import type { FormId } from '../../forms/types';
import { dispatchPaneZh as z, dispatchZh } from '../../i18n/dispatch';
import type { Reporter } from '../App';
import { download } from '../fileOps';
import { todayIso, type Host } from '../host';
import { runJob } from '../work/client';
import { useAction } from './useAction';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: 'center' },
  notes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

export function DispatchPanel({ host, report, rosterText, rosterSource, disabled }: { host: Host; report: Reporter; rosterText: string; rosterSource?: string; disabled?: boolean }) {
  const styles = useStyles();
  const [forms, setForms] = useState<FormId[]>(['application', 'progress']);
  const [status, setStatus] = useState('');
  const [notes, setNotes] = useState<string[]>([]);
  const [busy, run] = useAction<'dispatch'>(report);
  const hasRoster = rosterText.trim() !== '';

  const toggle = (id: FormId, on: boolean) => setForms((fs) => (on ? FORMS.map((f) => f.id).filter((f) => f === id || fs.includes(f)) : fs.filter((f) => f !== id)));

  const make = () =>
    run('dispatch', async () => {
      setStatus(z.making);
      try {
        const made = await runJob('dispatchFile', { rosterText, rosterSource, forms, asOf: todayIso() }, { onProgress: (p) => setStatus(z.progress(p.done, p.total)) });
        // What was left out (and why) stays beside the action, not among the pane's warnings.
        setNotes(made.notes.filter((n) => n !== dispatchZh.nothing));
        if (!made.bytes) {
          setStatus(dispatchZh.nothing);
          return undefined;
        }
        setStatus(z.done(made.files, made.folders));
        return download({ bytes: made.bytes, fileName: dispatchZh.zipName }, host.kind === 'excel' ? [z.excelNote] : []);
      } catch (e) {
        setStatus('');
        setNotes([]);
        throw e;
      }
    });

  const problem = !hasRoster ? z.needRoster : forms.length === 0 ? z.noForms : null;
  return (
    <section className={styles.section} aria-labelledby="dispatch-title" data-testid="dispatch-panel">
      <Subtitle2 as="h3" id="dispatch-title">{z.title}</Subtitle2>
      <Caption1>{z.hint}</Caption1>
      <div className={styles.row} role="group" aria-label={z.formsLabel}>
        {FORMS.map((f) => (
          <Checkbox key={f.id} label={f.attachment} checked={forms.includes(f.id)} disabled={busy !== null} onChange={(_, d) => toggle(f.id, d.checked === true)} />
        ))}
      </div>
      <div className={styles.row}>
        <Button
          disabledFocusable={disabled || busy !== null || problem !== null}
          icon={busy ? <Spinner size="tiny" /> : undefined}
          onClick={() => void make()}
          data-testid="dispatch-make"
        >
          {busy ? z.making : z.make}
        </Button>
      </div>
      <Caption1 role="status" data-testid="dispatch-status">
        {busy || status ? status : problem ?? ''}
      </Caption1>
      {notes.length > 0 && (
        <ul className={styles.notes} data-testid="dispatch-notes">
          {notes.map((n) => (
            <li key={n}>
              <Caption1>{n}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

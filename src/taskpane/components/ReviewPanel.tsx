/**
 * 初核 in the 汇总 tab (issue 10): after a merge, the 党委 (or the 市直工委) writes one
 * opinion and date into the kept 附件1/附件2 — all without errors, or the ones chosen —
 * and gets the 报送包 (Excel: a new workbook; the page: a download). Inside Excel the
 * opinion can also go into the open workbook's own form sheets. Forms with errors are
 * listed with ready-to-send 退回 messages.
 */
import { Badge, Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { getField, getForm } from '../../forms';
import { firstCell } from '../../forms/address';
import { levelZh, reviewPaneZh as z } from '../../i18n/review';
import { formShortLabel, THIS_WORKBOOK } from '../../i18n/taskpane';
import type { Summary, SummaryRow } from '../../merge/types';
import { blockingErrors, reviewSummary } from '../../review/review';
import { LEVEL_FIELDS, type ReviewLevel, type ReviewResult } from '../../review/types';
import type { OpinionWrite } from '../../workbook/excel/writeOpinions';
import type { Reporter } from '../App';
import { todayIso, type Host } from '../host';
import { runJob } from '../work/client';
import { useAction } from './useAction';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', maxHeight: '16rem', overflowY: 'auto' },
  message: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, fontFamily: 'inherit' },
});

const rowId = (r: SummaryRow) => `${r.form}\u0000${r.submission.file}\u0000${r.submission.sheet}`;

/** The opinions of a review that land in this workbook's own form sheets. */
function workbookWrites(result: ReviewResult, level: ReviewLevel): { writes: OpinionWrite[]; skipped: number } {
  const { opinion, date } = LEVEL_FIELDS[level];
  const writes: OpinionWrite[] = [];
  let skipped = 0;
  for (const f of result.forms) {
    const s = f.submission;
    if (s.file !== THIS_WORKBOOK || (f.action !== 'written' && f.action !== 'replaced')) continue;
    const spec = getForm(s.form);
    const at = (id: typeof opinion) => s.cells[id] ?? (s.via === 'tag' ? firstCell(getField(spec, id)!.cell) : undefined);
    const cell = at(opinion);
    if (!cell) {
      skipped++;
      continue;
    }
    const w: OpinionWrite = { sheet: s.sheet, cell, text: String(s.fields[opinion]), date: String(s.fields[date]) };
    const dateCell = at(date);
    if (dateCell) w.dateCell = dateCell;
    writes.push(w);
  }
  return { writes, skipped };
}

export function ReviewPanel({ host, report, summary, files }: { host: Host; report: Reporter; summary: Summary; files: readonly File[] }) {
  const styles = useStyles();
  const [level, setLevel] = useState<ReviewLevel>('party');
  const [opinion, setOpinion] = useState(z.defaultOpinion);
  const [date, setDate] = useState(todayIso());
  const [reviewer, setReviewer] = useState('');
  const [scope, setScope] = useState<'all' | 'selected'>('all');
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(summary.rows.filter((r) => blockingErrors(r.submission.issues).length === 0).map(rowId)));
  const [replace, setReplace] = useState(false);
  const [includeErrors, setIncludeErrors] = useState(false);
  const [busyWith, run] = useAction<'pack' | 'returns' | 'workbook'>(report);
  const busy = busyWith !== null;
  const [result, setResult] = useState<ReviewResult | null>(null);

  const dateOk = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`));
  const rows = scope === 'all' ? summary.rows : summary.rows.filter((r) => chosen.has(rowId(r)));
  const problem = opinion.trim() === '' ? z.emptyOpinion : !dateOk ? z.badDate : rows.length === 0 ? z.nothingSelected : null;

  /** Who reviews: the name typed, else the level's own name (上级党委（党总支） / 市直工委). */
  const reviewerName = () => reviewer.trim() || levelZh[level === 'party' ? '党委' : '工委'].name;
  const review = (): ReviewResult =>
    reviewSummary({ ...summary, rows }, { level, opinion: opinion.trim(), date, replace, includeErrors, reviewer: reviewerName() });

  const makePack = () =>
    run('pack', async () => {
      const r = review();
      setResult(r);
      const made = await runJob('reviewPackFile', { summary, review: r, level, reviewer: reviewer.trim(), date, files });
      return host.handOver?.({ ...made, fileName: z.packFile });
    });

  const downloadReturns = (r: ReviewResult) =>
    run('returns', async () => {
      const made = await runJob('returnsFile', { review: r, levelName: reviewerName(), date });
      return host.handOver?.({ ...made, fileName: z.returnsFile });
    });

  const writeWorkbook = () =>
    run('workbook', async () => {
      const r = review();
      setResult(r);
      const { writes, skipped } = workbookWrites(r, level);
      if (writes.length === 0) throw new Error(z.nothingInWorkbook);
      const done = await host.writeOpinions!(writes);
      return { ...done, notes: [...(done.notes ?? []), z.wroteWorkbook(writes.length, skipped)] };
    });

  const hasWorkbookForms = summary.rows.some((r) => r.submission.file === THIS_WORKBOOK);
  return (
    <section className={styles.section} aria-labelledby="review-title" data-testid="review-panel">
      <Subtitle2 as="h2" id="review-title">{z.reviewTitle}</Subtitle2>
      <Caption1>{z.reviewHint}</Caption1>
      <Field label={z.levelLabel}>
        <RadioGroup layout="horizontal" value={level} onChange={(_, d) => setLevel(d.value as ReviewLevel)}>
          <Radio value="party" label={z.levelParty} />
          <Radio value="work" label={z.levelWork} />
        </RadioGroup>
      </Field>
      <Field label={z.opinionLabel} validationMessage={opinion.trim() === '' ? z.emptyOpinion : undefined}>
        <Textarea value={opinion} onChange={(_, d) => setOpinion(d.value)} rows={2} resize="vertical" data-testid="review-opinion" />
      </Field>
      <div className={styles.row}>
        <Field label={z.dateLabel} validationMessage={dateOk ? undefined : z.badDate}>
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} data-testid="review-date" />
        </Field>
        <Field label={z.reviewerLabel}>
          <Input value={reviewer} onChange={(_, d) => setReviewer(d.value)} data-testid="review-reviewer" />
        </Field>
      </div>
      <Field label={z.scopeLabel}>
        <RadioGroup layout="horizontal" value={scope} onChange={(_, d) => setScope(d.value as 'all' | 'selected')}>
          <Radio value="all" label={z.scopeAll} />
          <Radio value="selected" label={z.scopeSelected} />
        </RadioGroup>
      </Field>
      {scope === 'selected' && (
        <ul className={styles.list} aria-label={z.selectLabel} data-testid="review-choice">
          {summary.rows.map((r) => {
            const id = rowId(r);
            const errors = blockingErrors(r.submission.issues).length;
            return (
              <li key={id} className={styles.row}>
                <Checkbox
                  checked={chosen.has(id)}
                  label={`${r.branch} · ${formShortLabel(r.form)}`}
                  onChange={(_, d) =>
                    setChosen((prev) => {
                      const next = new Set(prev);
                      if (d.checked === true) next.add(id);
                      else next.delete(id);
                      return next;
                    })
                  }
                />
                {errors > 0 && <Badge color="danger" appearance="outline">{z.hasErrors}</Badge>}
              </li>
            );
          })}
        </ul>
      )}
      <Checkbox checked={replace} onChange={(_, d) => setReplace(d.checked === true)} label={z.replace} />
      <Checkbox checked={includeErrors} onChange={(_, d) => setIncludeErrors(d.checked === true)} label={z.includeErrors} />
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || problem !== null || !host.handOver} onClick={() => void makePack()}>
          {z.makePack}
        </Button>
        {host.writeOpinions && hasWorkbookForms && (
          <Button disabled={busy || problem !== null} onClick={() => void writeWorkbook()}>
            {z.writeWorkbook}
          </Button>
        )}
      </div>
      {host.writeOpinions && hasWorkbookForms && <Caption1>{z.writeWorkbookHint}</Caption1>}
      {problem === z.nothingSelected && <Caption1>{problem}</Caption1>}
      {result && (
        <MessageBar layout="multiline" intent={result.returned.length > 0 ? 'warning' : 'success'} data-testid="review-result">
          <MessageBarBody>
            <MessageBarTitle>{z.result(result.forms.length, result.counts.written + result.counts.replaced, result.counts.kept, result.returned.length)}</MessageBarTitle>
            {result.returned.length > 0 && (
              <>
                <div>{z.returnedTitle(result.returned.length)}</div>
                <ul className={styles.list} data-testid="review-returned">
                  {result.returned.map((r) => (
                    <li key={rowId(r.row)}>
                      <pre className={styles.message}>{r.message}</pre>
                    </li>
                  ))}
                </ul>
                <Button size="small" disabled={busy} onClick={() => void downloadReturns(result)}>
                  {z.downloadReturns}
                </Button>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

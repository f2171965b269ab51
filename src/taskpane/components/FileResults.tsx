import { Badge, Button, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { memo, startTransition, useEffect, useId, useMemo, useState } from 'react';
import type { IntakeResult } from '../../model/types';
import { formShortLabel, hiddenCount, problemsToggleLabel, THIS_WORKBOOK, tp } from '../../i18n/taskpane';
import type { Host } from '../host';
import { whenIdle } from '../idle';
import { ProblemList, SeverityBadges } from './ProblemList';

/** Results shown at once; more on demand (a thousand rows would slow the pane down). */
const PAGE = 100;
/** A list this short is drawn with the merge's outcome. */
const FIRST = 20;
/**
 * Rows a longer list adds at a time, each time the page is idle (whenIdle), up to the page shown.
 * The list stands below the outcome, the committee's views and 初核/抽查 (in a 360 px pane its first
 * row is ~2,000 px down): drawn with the outcome, its rows held back the outcome and 下载汇总表, and
 * the rest of the first page, drawn in one go right after, kept the page from answering a click and
 * from asking the worker to write 汇总.xlsx ahead (client.ts) for ~0.2–0.3 s (traced, 1,000 files).
 */
const CHUNK = 20;


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
      {r.submissions.map((s, i) => (
        // Two forms may share a sheet (side by side, or stacked).
        <div key={`${i}:${s.sheet}`} className={styles.row}>
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
            aria-controls={open ? listId : undefined}
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


/**
 * 逐个文件结果: problem files first (with hundreds of files the clean ones matter least), a page at a time.
 * Drawn again only when its results change: not when the tab redraws around it (下载汇总表's spinner, twice).
 */
export const FileResults = memo(function FileResults({ results, host, onError }: { results: readonly IntakeResult[]; host: Host; onError(e: unknown): void }) {
  const styles = useStyles();
  /** Rows the list shows (a page; 显示更多 adds one), and rows drawn so far: all of a short list, then CHUNK at a time when idle. */
  const [limit, setLimit] = useState(PAGE);
  const [drawn, setDrawn] = useState(() => (results.length <= FIRST ? results.length : 0));
  const target = Math.min(limit, results.length);
  useEffect(() => {
    if (drawn >= target) return;
    return whenIdle(() => startTransition(() => setDrawn((n) => Math.max(n, Math.min(n + CHUNK, target)))), 1000, 0);
  }, [drawn, target]);
  // Sorted once per list of results, not at every redraw of the tab (下载汇总表 redraws it twice), each
  // ranked once (the comparison runs ~n log n times: ~20,000 lists of issues gathered for 1,000 files).
  const ordered = useMemo(() => {
    const ranks = new Map(results.map((r) => [r, rank(r)]));
    return [...results].sort((a, b) => ranks.get(a)! - ranks.get(b)!);
  }, [results]);
  if (results.length === 0) return null;
  return (
    <div className={styles.section}>
      <Subtitle2 as="h2">{tp.resultsTitle}</Subtitle2>
      <ul className={styles.list} aria-label={tp.resultsTitle}>
        {ordered.slice(0, drawn).map((r, i) => (
          <FileResult
            key={`${i}:${r.file}`}
            r={r}
            canSelect={host.canSelectCells && r.file === THIS_WORKBOOK}
            onSelect={(sheet, cell) => host.selectCell(sheet, cell).catch(onError)}
          />
        ))}
      </ul>
      {ordered.length > limit && (
        <div className={styles.row}>
          <Caption1>{hiddenCount(ordered.length - limit)}</Caption1>
          <Button
            size="small"
            onClick={() => {
              // Asked for: the next page drawn at once, not when idle.
              setLimit((n) => n + PAGE);
              setDrawn((n) => Math.max(n, limit + PAGE));
            }}
          >
            {tp.showMore}
          </Button>
        </div>
      )}
    </div>
  );
});

function rank(r: IntakeResult): number {
  if (!r.ok) return 0;
  const issues = r.submissions.flatMap((s) => s.issues);
  if (issues.some((i) => i.severity === 'error')) return 1;
  if (issues.some((i) => i.severity === 'warning')) return 2;
  return 3;
}

import { Badge, Button, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { memo, startTransition, useEffect, useId, useMemo, useState } from 'react';
import type { IntakeResult } from '../../model/types';
import { formShortLabel, hiddenCount, problemsToggleLabel, THIS_WORKBOOK, tp } from '../../i18n/taskpane';
import type { Host } from '../host';
import { ProblemList, SeverityBadges } from './ProblemList';

/** Results shown at once; more on demand (a thousand rows would slow the pane down). */
const PAGE = 100;
/**
 * Rows drawn with the merge's outcome; the rest of the first page follows at once, in a
 * transition of its own (a click meanwhile is answered first). A 360 px pane shows about ten:
 * the outcome appears sooner (100 rows of Fluent components were most of its first drawing).
 */
const FIRST = 20;

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
  const [shown, setShown] = useState(FIRST);
  useEffect(() => {
    const later = setTimeout(() => startTransition(() => setShown((n) => Math.max(n, PAGE))), 0);
    return () => clearTimeout(later);
  }, []);
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
        {ordered.slice(0, shown).map((r, i) => (
          <FileResult
            key={`${i}:${r.file}`}
            r={r}
            canSelect={host.canSelectCells && r.file === THIS_WORKBOOK}
            onSelect={(sheet, cell) => host.selectCell(sheet, cell).catch(onError)}
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
  );
});

function rank(r: IntakeResult): number {
  if (!r.ok) return 0;
  const issues = r.submissions.flatMap((s) => s.issues);
  if (issues.some((i) => i.severity === 'error')) return 1;
  if (issues.some((i) => i.severity === 'warning')) return 2;
  return 3;
}

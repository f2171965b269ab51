import { Badge, Button, Caption1, Caption1Strong, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { getForm } from '../../forms';
import type { CheckedSubmission, Issue, Rejected, Severity } from '../../model/types';
import { countLabel, formShortLabel, selectCellLabel, tp } from '../../i18n/taskpane';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  badges: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  item: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalXS },
  issueButton: { justifyContent: 'flex-start', textAlign: 'start', minWidth: 0, height: 'auto', paddingBlock: tokens.spacingVerticalXXS, whiteSpace: 'normal', fontWeight: tokens.fontWeightRegular },
  text: { overflowWrap: 'anywhere' },
  badge: { flexShrink: 0 },
});

export function countBySeverity(issues: readonly Issue[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) c[i.severity]++;
  return c;
}

export function SeverityBadges({ issues }: { issues: readonly Issue[] }) {
  const styles = useStyles();
  const counts = countBySeverity(issues);
  return (
    <span className={styles.badges}>
      {SEVERITIES.filter((s) => counts[s] > 0).map((s) => (
        <Badge key={s} color={BADGE_COLOR[s]} appearance="filled" data-testid={`count-${s}`}>
          {countLabel(s, counts[s])}
        </Badge>
      ))}
    </span>
  );
}

interface Props {
  submissions: readonly CheckedSubmission[];
  rejected?: readonly Rejected[];
  canSelect: boolean;
  onSelect(sheet: string, cell: string): void;
  /** Standalone shows the file a form came from. */
  showFile?: boolean;
  /**
   * The caller already shows each form's counts, form and branch (汇总's per-file
   * results): each group is headed by its sheet only.
   */
  compact?: boolean;
}

/**
 * Problems grouped per sheet (one group per form found), errors first as the rules order
 * them. The sheet is named once, in the group's heading; each problem shows its cell.
 */
export function ProblemList({ submissions, rejected = [], canSelect, onSelect, showFile, compact }: Props) {
  const styles = useStyles();
  return (
    <div aria-label={tp.problemsTitle} role="region">
      {rejected.map((r) => (
        <div key={`rejected:${r.file}`} className={styles.group} data-testid="rejected">
          <div className={styles.head}>
            <Subtitle2 className={styles.text}>{r.file}</Subtitle2>
            <Badge color="danger" appearance="outline" className={styles.badge}>{tp.rejected}</Badge>
          </div>
          <Text className={styles.text}>{r.reason}</Text>
        </div>
      ))}
      {submissions.map((s, n) => {
        const branch = typeof s.fields.branchName === 'string' ? s.fields.branchName : tp.unnamedBranch;
        return (
          // Two forms may share a sheet: the index keeps the keys apart.
          <div key={`${n}\u0000${s.file}\u0000${s.sheet}`} className={styles.group} data-testid="sheet-problems">
            {compact ? (
              <Caption1Strong className={styles.text}>{s.sheet}</Caption1Strong>
            ) : (
              <>
                <div className={styles.head}>
                  <Subtitle2 className={styles.text}>{showFile ? `${s.file} · ${s.sheet}` : s.sheet}</Subtitle2>
                  <SeverityBadges issues={s.issues} />
                </div>
                <Caption1 className={styles.text}>
                  {formShortLabel(s.form)} · {branch}
                </Caption1>
              </>
            )}
            {s.issues.length === 0 ? (
              <Text>{tp.noProblems}</Text>
            ) : (
              <ul className={styles.list} aria-label={`${getForm(s.form).attachment} ${s.sheet} ${tp.problemsTitle}`}>
                {s.issues.map((issue, i) => (
                  <li key={i} className={styles.item}>
                    <Badge size="small" color={BADGE_COLOR[issue.severity]} appearance="tint" className={styles.badge}>
                      {tp.severity[issue.severity]}
                    </Badge>
                    {canSelect && issue.cell ? (
                      <Button
                        appearance="subtle"
                        size="small"
                        className={styles.issueButton}
                        aria-label={selectCellLabel(s.sheet, issue.cell, issue.message)}
                        onClick={() => onSelect(s.sheet, issue.cell!)}
                      >
                        {issue.cell}：{issue.message}
                      </Button>
                    ) : (
                      <Text size={200} className={styles.text}>
                        {issue.cell ? `${issue.cell}：` : ''}
                        {issue.message}
                      </Text>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}

/**
 * 催报 in the 汇总 tab (issue 9 §4): after a merge with a roster, per 上级党组织 the
 * branches with forms owed and not sent — which forms, the deadline, days overdue, 书记
 * and 联系电话 — and the ready-to-send messages, each with 复制, plus 复制全部. The
 * list and the texts are the core's (src/merge/reminders.ts): the same as the 催报
 * sheet and `bin/wuhua remind --text`. Loaded as a chunk of its own (CommitteeViews).
 */
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { committeeSheetsZh } from '../../i18n/committee';
import { reminderPaneZh as z, zhDay } from '../../i18n/committeePane';
import type { Obligations } from '../../merge/obligations';
import { reminderMessages, reminders, remindersText } from '../../merge/reminders';
import { copySelected, copyText } from '../clipboard';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, borderTopWidth: '1px', borderTopStyle: 'solid', borderTopColor: tokens.colorNeutralStroke2, paddingTop: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', rowGap: '2px', overflowWrap: 'anywhere', paddingInlineStart: tokens.spacingHorizontalS, borderInlineStartWidth: '3px', borderInlineStartStyle: 'solid', borderInlineStartColor: tokens.colorPaletteRedBorder2 },
  name: { fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: 'center' },
  message: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  fallback: { width: '100%', boxSizing: 'border-box', minHeight: '8em', fontSize: tokens.fontSizeBase200, fontFamily: 'inherit' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  refused: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** What the last 复制 did, and for which message. */
type Copied = { key: string; ok: boolean; text: string; all: number | null };

/** A refused copy: the text selected in a box for the user's own Ctrl+C (execCommand tried once more). */
function CopyFallback({ text, onCopied }: { text: string; onCopied(): void }) {
  const styles = useStyles();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (box.current && copySelected(box.current)) onCopied();
  }, [text, onCopied]);
  return (
    <>
      <Caption1 role="status" className={styles.refused}>{z.copyRefused}</Caption1>
      <textarea ref={box} readOnly value={text} aria-label={z.copyFallbackLabel} className={styles.fallback} data-testid="copy-fallback" onFocus={(e) => e.currentTarget.select()} />
    </>
  );
}

function CopyOutcome({ copied, onCopied }: { copied: Copied; onCopied(): void }) {
  const styles = useStyles();
  if (copied.ok) return <Caption1 role="status" className={styles.ok} data-testid="copy-done">{copied.all === null ? z.copied : z.copiedAll(copied.all)}</Caption1>;
  return <CopyFallback text={copied.text} onCopied={onCopied} />;
}

/** One message: 查看通知 (its text, folded by default) and 复制. */
function Message({ id, to, text, copied, copy, onCopied }: { id: string; to: string; text: string; copied: Copied | null; copy(key: string, text: string): void; onCopied(): void }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const textId = useId();
  return (
    <>
      <div className={styles.row}>
        <Button size="small" aria-label={`${open ? z.hideMessage : z.showMessage}：${to}`} aria-expanded={open} aria-controls={open ? textId : undefined} onClick={() => setOpen(!open)}>
          {open ? z.hideMessage : z.showMessage}
        </Button>
        <Button size="small" appearance="primary" aria-label={z.copyLabel(to)} onClick={() => copy(id, text)} data-testid="copy-message">
          {z.copy}
        </Button>
      </div>
      {open && (
        <p id={textId} className={styles.message} aria-label={z.messageLabel(to)} data-testid="reminder-message">
          {text}
        </p>
      )}
      {copied?.key === id && <CopyOutcome copied={copied} onCopied={onCopied} />}
    </>
  );
}

export function ReminderPanel({ obligations }: { obligations: Obligations }) {
  const styles = useStyles();
  const list = useMemo(() => reminders(obligations), [obligations]);
  const all = useMemo(() => remindersText(list, obligations.asOf), [list, obligations.asOf]);
  const count = useMemo(() => reminderMessages(list).length, [list]);
  const [copied, setCopied] = useState<Copied | null>(null);
  const titleId = useId();
  const branches = list.reduce((n, p) => n + p.branches.length, 0);

  const copy = async (key: string, text: string, allCount: number | null = null) => {
    const ok = await copyText(text);
    setCopied({ key, ok, text, all: allCount });
  };
  const onCopied = useMemo(() => () => setCopied((c) => (c && !c.ok ? { ...c, ok: true } : c)), []);

  return (
    <section className={styles.section} aria-labelledby={titleId} data-testid="reminders">
      <Subtitle2 as="h2" id={titleId}>
        {z.title}
      </Subtitle2>
      <Caption1>{z.hint}</Caption1>
      {list.length === 0 ? (
        <Text data-testid="reminders-none">{z.none}</Text>
      ) : (
        <>
          <Text>{z.counts(list.length, branches)}</Text>
          <div className={styles.row}>
            <Button appearance="primary" aria-label={z.copyAllLabel} onClick={() => void copy('all', all, count)} data-testid="copy-all">
              {z.copyAll}
            </Button>
          </div>
          {copied?.key === 'all' && <CopyOutcome copied={copied} onCopied={onCopied} />}
          {list.map((p, pi) => (
            <section key={p.parent} className={styles.group} aria-labelledby={`${titleId}-p${pi}`} data-testid="reminder-group">
              <h3 id={`${titleId}-p${pi}`} className={styles.heading}>
                {p.parent}
              </h3>
              {p.demonstration && <Text size={200}>{z.demonstration(zhDay(p.demonstration.due), p.demonstration.daysOverdue)}</Text>}
              {p.message && (
                <div className={styles.item} data-testid="reminder-parent">
                  <span className={styles.name}>{z.toParent}</span>
                  <Message id={`p${pi}`} to={p.parent} text={p.message} copied={copied} copy={(k, t) => void copy(k, t)} onCopied={onCopied} />
                </div>
              )}
              {p.branches.length > 0 && (
                <ul className={styles.list} aria-label={z.branchesLabel(p.parent)}>
                  {p.branches.map((b, bi) => (
                    <li key={b.branch} className={styles.item} data-testid="reminder-branch">
                      <span className={styles.name}>{b.branch}</span>
                      <Text size={200}>{z.forms(committeeSheetsZh.formsShort(b.forms))}</Text>
                      <Text size={200}>{z.due(zhDay(b.due), b.daysOverdue)}</Text>
                      <Text size={200}>{z.contact(b.secretary, b.phone)}</Text>
                      <Message id={`p${pi}b${bi}`} to={b.branch} text={b.message} copied={copied} copy={(k, t) => void copy(k, t)} onCopied={onCopied} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </>
      )}
    </section>
  );
}

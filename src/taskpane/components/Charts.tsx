/**
 * The 汇总 tab's charts (issue 9 §6): 报送率 and 完成率 per 上级党组织 as bars, and the
 * 12-month completion curve. Plain SVG and a few lines of layout instead of a charting
 * library: two simple charts do not need one (Chart.js or Recharts would add 60–100 KB
 * gzipped and draw on a canvas or at sizes we would have to fight at 320 px). Loaded
 * lazily, as a chunk of its own (CommitteeViews), so the pane's first JavaScript stays
 * in its budget.
 *
 * Readable at 320 px: every label is at least 12 px, bar labels are HTML (long names
 * wrap), the curve is drawn at the measured width in pixels (never scaled down). The
 * drawings are hidden from screen readers; each chart's figures are in a visually
 * hidden table beside it.
 */
import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { chartPaneZh as z, percentText } from '../../i18n/committeePane';
import { chartFigures, type GroupFigures, type MonthFigure, type Ratio } from '../../merge/charts';
import type { Summary } from '../../merge/types';

const SUBMITTED = tokens.colorBrandBackground;
const COMPLETED = tokens.colorPaletteGreenBackground3;
const LABEL_PX = 12;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  caption: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { fontSize: '12px', color: tokens.colorNeutralForeground3 },
  group: { display: 'flex', flexDirection: 'column', rowGap: '2px' },
  parent: { fontSize: '12px', overflowWrap: 'anywhere' },
  bar: { display: 'grid', gridTemplateColumns: '3.5em 1fr 3em', columnGap: tokens.spacingHorizontalS, alignItems: 'center', fontSize: '12px' },
  value: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, fontSize: '12px' },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginInlineEnd: '4px', verticalAlign: 'middle' },
  // Visually hidden, still read. A wrapper, not the table itself: a table is never narrower than its content, and would widen the page.
  hidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
  svg: { display: 'block', overflow: 'visible' },
});

const ofText = (r: Ratio) => z.ofText(r.part, r.whole);

function Bar({ label, ratio, color }: { label: string; ratio: Ratio; color: string }) {
  const styles = useStyles();
  const width = ratio.rate === null ? 0 : Math.max(0, Math.min(1, ratio.rate)) * 100;
  return (
    <div className={styles.bar}>
      <span>{label}</span>
      <svg className={styles.svg} width="100%" height="12" focusable="false">
        <rect x="0" y="0" width="100%" height="12" rx="2" fill={tokens.colorNeutralBackground4} />
        {width > 0 && <rect x="0" y="0" width={`${width}%`} height="12" rx="2" fill={color} />}
      </svg>
      <span className={styles.value}>{percentText(ratio.rate)}</span>
    </div>
  );
}

function GroupBars({ groups }: { groups: GroupFigures[] }) {
  const styles = useStyles();
  const captionId = useId();
  return (
    <figure className={styles.figure} aria-labelledby={captionId} data-testid="chart-bars">
      <figcaption id={captionId} className={styles.caption}>
        {z.barsTitle}
      </figcaption>
      <div className={styles.legend} aria-hidden="true">
        <span><span className={styles.swatch} style={{ backgroundColor: SUBMITTED }} />{z.submitted}</span>
        <span><span className={styles.swatch} style={{ backgroundColor: COMPLETED }} />{z.completed}</span>
      </div>
      <div aria-hidden="true" className={styles.section}>
        {groups.map((g) => (
          <div key={g.parent} className={styles.group}>
            <span className={styles.parent}>{g.parent}</span>
            <Bar label={z.submitted} ratio={g.submitted} color={SUBMITTED} />
            <Bar label={z.completed} ratio={g.completed} color={COMPLETED} />
          </div>
        ))}
      </div>
      <span className={styles.note}>{z.barsNote}</span>
      <div className={styles.hidden}>
        <table data-testid="chart-bars-table">
          <caption>{z.tableCaptionBars}</caption>
          <thead>
            <tr>
              <th scope="col">{z.headers.parent}</th>
              <th scope="col">{z.headers.submitted}</th>
              <th scope="col">{z.headers.submittedOf}</th>
              <th scope="col">{z.headers.completed}</th>
              <th scope="col">{z.headers.completedOf}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.parent}>
                <th scope="row">{g.parent}</th>
                <td>{percentText(g.submitted.rate)}</td>
                <td>{ofText(g.submitted)}</td>
                <td>{percentText(g.completed.rate)}</td>
                <td>{ofText(g.completed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** The element's width in CSS pixels, followed as the pane is resized. */
function useWidth<T extends HTMLElement>(fallback: number): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = el.getBoundingClientRect().width;
      if (w > 0) setWidth(Math.floor(w));
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

function Curve({ months, branches }: { months: MonthFigure[]; branches: number }) {
  const styles = useStyles();
  const captionId = useId();
  const [box, width] = useWidth<HTMLDivElement>(280);
  const left = 36;
  const right = 10;
  const top = 8;
  const plotH = 120;
  const height = top + plotH + 40;
  const plotW = Math.max(120, width - left - right);
  const x = (m: number) => left + ((m - 1) * plotW) / 11;
  const y = (rate: number) => top + (1 - rate) * plotH;
  const points = months.filter((m) => m.done.rate !== null).map((m) => ({ m, px: x(m.month), py: y(m.done.rate!) }));
  const due = points.filter((p) => p.m.due);
  // Not yet due: dashed, from the last due month on.
  const later = [...due.slice(-1), ...points.filter((p) => !p.m.due)];
  const path = (ps: typeof points) => ps.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.px.toFixed(1)},${p.py.toFixed(1)}`).join(' ');
  return (
    <figure className={styles.figure} aria-labelledby={captionId} data-testid="chart-curve">
      <figcaption id={captionId} className={styles.caption}>
        {z.curveTitle(branches)}
      </figcaption>
      <div ref={box} aria-hidden="true">
        <svg className={styles.svg} width={plotW + left + right} height={height} focusable="false" fontSize={LABEL_PX} fontFamily="inherit">
          {[0, 0.5, 1].map((r) => (
            <g key={r}>
              <line x1={left} x2={left + plotW} y1={y(r)} y2={y(r)} stroke={tokens.colorNeutralStroke2} strokeWidth="1" />
              <text x={left - 4} y={y(r) + 4} textAnchor="end" fill={tokens.colorNeutralForeground2}>
                {percentText(r)}
              </text>
            </g>
          ))}
          {months.map((m) => (
            <text key={m.month} x={x(m.month)} y={top + plotH + 16} textAnchor="middle" fill={m.due ? tokens.colorNeutralForeground1 : tokens.colorNeutralForeground3}>
              {m.month}
            </text>
          ))}
          <text x={left + plotW / 2} y={top + plotH + 34} textAnchor="middle" fill={tokens.colorNeutralForeground2}>
            {z.month}
          </text>
          {due.length > 1 && <path d={path(due)} fill="none" stroke={SUBMITTED} strokeWidth="2" />}
          {later.length > 1 && <path d={path(later)} fill="none" stroke={SUBMITTED} strokeWidth="2" strokeDasharray="4 3" />}
          {points.map((p) => (
            <circle key={p.m.month} cx={p.px} cy={p.py} r="3" fill={p.m.due ? SUBMITTED : tokens.colorNeutralBackground1} stroke={SUBMITTED} strokeWidth="1.5" />
          ))}
        </svg>
      </div>
      <span className={styles.note}>{z.curveNote}</span>
      <div className={styles.hidden}>
        <table data-testid="chart-curve-table">
          <caption>{z.tableCaptionCurve}</caption>
          <thead>
            <tr>
              <th scope="col">{z.headers.month}</th>
              <th scope="col">{z.headers.done}</th>
              <th scope="col">{z.headers.rate}</th>
              <th scope="col">{z.headers.due}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{z.monthLabel(m.month)}</th>
                <td>{ofText(m.done)}</td>
                <td>{percentText(m.done.rate)}</td>
                <td>{m.due ? z.due : z.notDue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

export function Charts({ summary }: { summary: Summary }) {
  const styles = useStyles();
  const figures = useMemo(() => chartFigures(summary), [summary]);
  const titleId = useId();
  if (figures.groups.length === 0 && figures.progressBranches === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={titleId} data-testid="charts">
      <Subtitle2 as="h2" id={titleId}>
        {z.title}
      </Subtitle2>
      {figures.groups.length > 0 ? <GroupBars groups={figures.groups} /> : <Caption1>{z.noGroups}</Caption1>}
      {figures.progressBranches > 0 && <Curve months={figures.months} branches={figures.progressBranches} />}
    </section>
  );
}

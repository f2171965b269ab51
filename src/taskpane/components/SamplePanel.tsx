/**
 * 抽查 in the 汇总 tab (issue 10): a reproducible, stratified draw of the branches that
 * sent 附件2 (src/review/sample.ts), shown in the pane and handed over as 抽查名单.xlsx
 * (Excel: a new workbook; the page: a download). The stratum is the 上级党组织 a 报送包
 * records; forms without one are 未分组.
 */
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { reviewPaneZh as z, sampleZh } from '../../i18n/review';
import type { Summary } from '../../merge/types';
import { drawSample, parseRate, type Draw, type SampleSize } from '../../review/sample';
import type { Reporter } from '../App';
import { todayIso, type Host } from '../host';
import { runJob } from '../work/client';
import { useAction } from './useAction';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'flex-end' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function SamplePanel({ host, report, summary }: { host: Host; report: Reporter; summary: Summary }) {
  const styles = useStyles();
  const [seed, setSeed] = useState(() => z.defaultSeed(summary.asOf.slice(0, 4)));
  const [mode, setMode] = useState<'rate' | 'count'>('rate');
  const [rate, setRate] = useState('10');
  const [count, setCount] = useState('1');
  const [busyWith, run] = useAction<'sample'>(report);
  const busy = busyWith !== null;
  const [draw, setDraw] = useState<Draw | null>(null);

  const parsedRate = parseRate(rate);
  const parsedCount = /^\s*\d+\s*$/.test(count) && Number(count) >= 1 ? Number(count) : null;
  const size: SampleSize | null = mode === 'rate' ? (parsedRate === null ? null : { rate: parsedRate }) : parsedCount === null ? null : { count: parsedCount };
  const problem = seed.trim() === '' ? z.emptySeed : size === null ? (mode === 'rate' ? z.badRate : z.badCount) : null;

  const make = () =>
    run('sample', async () => {
      if (!size) return undefined;
      const candidates = summary.rows
        .filter((r) => r.form === 'application' && r.branchKey !== '')
        .map((r) => ({ branch: r.branch, key: r.branchKey, stratum: r.submission.origin?.parent ?? sampleZh.ungrouped, source: `${r.submission.file}（${r.submission.sheet}）` }));
      const d = drawSample(candidates, seed.trim(), size);
      setDraw(d);
      const made = await runJob('sampleFile', { draw: d, seed: seed.trim(), size, asOf: todayIso() });
      return host.handOver?.({ ...made, fileName: z.sampleFile });
    });

  return (
    <section className={styles.section} aria-labelledby="sample-title" data-testid="sample-panel">
      <Subtitle2 as="h2" id="sample-title">{z.sampleTitle}</Subtitle2>
      <Caption1>{z.sampleHint}</Caption1>
      <Field label={z.seedLabel} validationMessage={seed.trim() === '' ? z.emptySeed : undefined}>
        <Input value={seed} onChange={(_, d) => setSeed(d.value)} data-testid="sample-seed" />
      </Field>
      <Field label={z.sizeLabel}>
        <RadioGroup layout="horizontal" value={mode} onChange={(_, d) => setMode(d.value as 'rate' | 'count')}>
          <Radio value="rate" label={z.sizeRate} />
          <Radio value="count" label={z.sizeCount} />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        {mode === 'rate' ? (
          <Field label={z.rateLabel} validationMessage={parsedRate === null ? z.badRate : undefined}>
            <Input value={rate} onChange={(_, d) => setRate(d.value)} inputMode="decimal" data-testid="sample-rate" />
          </Field>
        ) : (
          <Field label={z.countLabel} validationMessage={parsedCount === null ? z.badCount : undefined}>
            <Input value={count} onChange={(_, d) => setCount(d.value)} inputMode="numeric" data-testid="sample-count" />
          </Field>
        )}
        <Button appearance="primary" disabled={busy || problem !== null || !host.handOver} onClick={() => void make()}>
          {z.makeSample}
        </Button>
      </div>
      {draw && (
        <MessageBar layout="multiline" intent={draw.population === 0 ? 'warning' : 'info'} data-testid="sample-result">
          <MessageBarBody>
            {draw.population === 0 ? (
              z.noPopulation
            ) : (
              <>
                <div>{z.drawn(draw.drawn, draw.population, draw.strata.length)}</div>
                <ul className={styles.list}>
                  {draw.strata.flatMap((s) => s.candidates.filter((c) => c.drawn).map((c) => <li key={`${s.name}:${c.key}`}>{`${s.name}：${c.branch}`}</li>))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

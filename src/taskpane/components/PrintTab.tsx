import { Button, Caption1, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Summary } from '../../merge/types';
import { tp } from '../../i18n/taskpane';
import type { Reporter } from '../App';
import type { Host } from '../host';
import { useAction } from './useAction';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
});

export function PrintTab({ host, report, summary }: { host: Host; report: Reporter; summary: Summary | null }) {
  const styles = useStyles();
  const [busy, run] = useAction<'setup' | 'pack'>(report);
  const setupHintId = useId();
  // A message bar without a title is labelled by its text (Fluent points aria-labelledby at a title otherwise absent).
  const onlyExcelId = useId();

  return (
    <>
      <div className={styles.section}>
        {host.canApplyPrintSetup ? (
          <>
            <Button
              appearance="primary"
              disabled={!host.printSetupSupported}
              disabledFocusable={host.printSetupSupported && busy !== null}
              icon={busy === 'setup' ? <Spinner size="tiny" /> : undefined}
              aria-describedby={setupHintId}
              onClick={() => void run('setup', () => host.applyPrintSetup())}
            >
              {tp.printSetup}
            </Button>
            {host.printSetupSupported ? (
              <Caption1 id={setupHintId}>{tp.printSetupHint}</Caption1>
            ) : (
              <MessageBar layout="multiline" intent="warning" data-testid="print-setup-unsupported" aria-labelledby={setupHintId}>
                <MessageBarBody id={setupHintId}>{tp.printSetupNeedsNewerExcel}</MessageBarBody>
              </MessageBar>
            )}
          </>
        ) : (
          <MessageBar layout="multiline" intent="info" aria-labelledby={onlyExcelId}>
            <MessageBarBody id={onlyExcelId}>{tp.printSetupOnlyExcel}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.section}>
        <Button
          disabled={summary === null}
          disabledFocusable={summary !== null && busy !== null}
          icon={busy === 'pack' ? <Spinner size="tiny" /> : undefined}
          onClick={() => summary && void run('pack', () => host.printPack(summary))}
        >
          {tp.printPack}
        </Button>
        <Caption1>{summary ? tp.printPackHint : tp.printNeedsMerge}</Caption1>
      </div>
    </>
  );
}

import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ACTION_WORDING } from '../../../../../electron/core/readiness/actions';
import type { ReadinessReport } from '../../../../../electron/core/readiness/gate';
import { ReadinessList } from './ReadinessList';

/** What the officer is told above the list: what stops the letter, or what a reason would answer. */
export function readinessIntro(report: ReadinessReport): string {
  const words = ACTION_WORDING[report.action];
  if (report.blocked) return `The letter cannot be ${words.passive} yet: it would go out with the wrong text. Correct the letter, then try again.`;
  if (report.needsReason) return `Check these before the letter is ${words.passive}. If it should go as it is, say why: the reason is kept with the letter.`;
  return `Worth checking before the letter is ${words.passive}.`;
}

/**
 * The pre-send check before one action on one letter: every problem listed, then either no way on (a
 * problem that would print the wrong text), a reason box (warnings), or simply going ahead.
 */
export function ReadinessModal(props: { reference: string; report: ReadinessReport; onCancel: () => void; onConfirm: (reason: string | undefined) => void }) {
  const { report } = props;
  const words = ACTION_WORDING[report.action];
  const [reason, setReason] = useState('');
  const ready = !report.blocked && (!report.needsReason || reason.trim() !== '');
  return (
    <Modal opened onClose={props.onCancel} title={`Before ${props.reference} is ${words.passive}`} size="lg">
      <Stack data-testid="readiness-check">
        <Alert color={report.blocked ? 'red' : 'yellow'}>
          <Text size="sm">{readinessIntro(report)}</Text>
        </Alert>
        <ReadinessList problems={report.problems} />
        {report.needsReason && (
          <Textarea
            label={`Reason to ${words.anyway} anyway`}
            description="Kept with the letter, with your name and the time"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
            data-autofocus
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {report.blocked ? 'Back to the letter' : 'Cancel'}
          </Button>
          {!report.blocked && (
            <Button disabled={!ready} onClick={() => props.onConfirm(report.needsReason ? reason : undefined)}>
              {words.label} anyway
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

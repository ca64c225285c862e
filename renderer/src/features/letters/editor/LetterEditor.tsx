import { Alert, Badge, Button, Divider, Group, Paper, ScrollArea, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { buildLetterDocument } from '../../../../../electron/core/letters/documentModel';
import type { Letter } from '../../../../../electron/core/letters/letterSchema';
import { allowedNext, isFrozen, STATUS_LABELS } from '../../../../../electron/core/letters/status';
import type { LetterDetail } from '../../../../../electron/core/letters/views';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { LetterPreview } from '../preview/LetterPreview';
import { DateField } from '../../../components/DateField';
import { BodyEditor } from './BodyEditor';
import { CommitmentsSection, newCommitment } from './CommitmentsSection';
import { SuggestionsPanel } from '../../tracking/SuggestionsPanel';
import { TrackingPanel } from '../../tracking/TrackingPanel';
import { DeadlineSection } from './DeadlineSection';
import { CcSection, SignatoriesSection } from './PeopleSections';
import { RecipientSection } from './RecipientSection';
import { AmendmentHistory } from './AmendmentHistory';
import { LetterHistory } from '../../history/LetterHistory';
import { MarkSentModal } from '../../signoff/MarkSentModal';
import { SignoffPanel } from '../../signoff/SignoffPanel';
import { useLetterDraft } from './useLetterDraft';
import { MoveToBinButton } from './MoveToBinButton';
import { TemplateGapNotes } from './TemplateGapNotes';
import { SentRecord } from '../../signoff/SentRecord';
import { useReadinessGate } from '../readiness/useReadinessGate';
import { ReadinessOverrides } from '../readiness/ReadinessOverrides';
import classes from './LetterEditor.module.css';

const SAVE_LABELS = { saved: 'All changes saved', saving: 'Saving…', unsaved: 'Unsaved changes', error: 'Not saved' } as const;

export function LetterEditor({ detail, onSaved }: { detail: LetterDetail; onSaved: (d: LetterDetail) => void }) {
  const navigate = useNavigate();
  const [current, setCurrent] = useState(detail);
  const status = current.letter.status;
  const frozen = isFrozen(status);
  const [amending, setAmending] = useState(false);
  const readOnly = frozen && !amending;
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const draft = useLetterDraft(detail, {
    autosave: !frozen,
    onSaved: (d) => {
      setCurrent(d);
      onSaved(d);
    },
  });
  /** Any other change saved to this letter (sign-off, sending, tracking) becomes the editor's new base. */
  const adopt = (d: LetterDetail) => {
    draft.rebase(d.letter.updatedAt);
    setCurrent(d);
    onSaved(d);
  };
  const { content, update } = draft;
  const setStatus = useApiMutation('letters.setStatus');
  const exportDocx = useApiMutation('export.letter');
  // Sending for signature, exporting and the pack are checked first (the Mark as sent dialog checks itself).
  const gate = useReadinessGate({ onError: setProblem });
  const exportLetter = async () => {
    setProblem(null);
    if (!(await draft.flush())) return setProblem('The latest changes could not be saved, so the letter was not exported. Try again once it has saved.');
    await gate.run(current.letter, 'export', (reason) =>
      exportDocx.mutate(
        { id: current.letter.id, ...(reason && { overrideReason: reason }) },
        {
          onSuccess: (r) => r.status === 'saved' && notifications.show({ color: 'green', title: 'Exported', message: `Saved as ${r.path}` }),
          onError: (e) => setProblem(e.message),
        },
      ),
    );
  };
  const openPack = async () => {
    setProblem(null);
    await draft.flush();
    await gate.run(current.letter, 'pack', () => void navigate(`/print/pack?ids=${current.letter.id}`));
  };
  const office = useApiQuery('settings.getOffice', {});
  const signatories = useApiQuery('signatories.list', { includeArchived: true });

  // The preview is main's document (the one the DOCX export renders) whenever there is nothing unsaved, and
  // always for a sent letter, whose letterhead and placeholder values are frozen as sent. While the officer
  // types, it is built here from what is on screen with the same function main uses, so it keeps up with
  // every keystroke; the next save hands it back to main's version (with the deadline main worked out).
  const showSaved = readOnly || draft.state === 'saved';
  const document = useMemo(() => {
    if (showSaved) return current.document;
    if (!office.data) return null;
    const images = new Map((signatories.data ?? []).flatMap((s) => (s.signatureImage ? [[s.id, s.signatureImage] as const] : [])));
    // The preview needs the commitments' wording only; their histories stay in main.
    const letter: Letter = { ...current.letter, ...content, commitments: content.commitments.map((c) => ({ ...c, history: [] })) };
    return buildLetterDocument(letter, { office: office.data, signatureImages: images, ...current.followUp });
  }, [showSaved, content, current.document, current.letter, current.followUp, office.data, signatories.data]);

  const changeStatus = async (next: Letter['status']) => {
    setProblem(null);
    await draft.flush();
    const go = (reason: string | undefined) =>
      setStatus.mutate({ id: current.letter.id, status: next, ...(reason && { overrideReason: reason }) }, { onSuccess: adopt, onError: (e) => setProblem(e.message) });
    if (next === 'awaiting-signature') await gate.run(current.letter, 'send-for-signature', go);
    else go(undefined);
  };

  return (
    <div className={classes.layout}>
      <Group justify="space-between" className={classes.header} wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Title order={1} size="h3" data-testid="letter-reference">
            {current.letter.reference}
          </Title>
          <Badge data-testid="letter-status" variant="light" color={frozen ? 'green' : 'gray'}>
            {STATUS_LABELS[status]}
          </Badge>
          <Text size="sm" c={draft.state === 'error' ? 'red' : 'dimmed'} aria-live="polite" data-testid="save-state">
            {frozen && !amending ? 'Sent letters are read-only' : SAVE_LABELS[draft.state]}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {allowedNext(status).map((next) => (
            <Button
              key={next}
              variant={next === 'sent' ? 'filled' : 'default'}
              size="xs"
              onClick={() => (next === 'sent' ? void draft.flush().then(() => setSending(true)) : void changeStatus(next))}
              loading={setStatus.isPending || (next === 'awaiting-signature' && gate.checking)}
            >
              {next === 'draft' ? 'Back to draft' : next === 'awaiting-signature' ? 'Send for signature' : `Mark as ${STATUS_LABELS[next].toLowerCase()}`}
            </Button>
          ))}
          <Button size="xs" variant="default" onClick={() => void openPack()}>
            Signatory pack
          </Button>
          <Button size="xs" variant="default" onClick={() => void exportLetter()} loading={exportDocx.isPending}>
            Export as Word
          </Button>
          {frozen && !amending && (
            <Button size="xs" variant="default" onClick={() => setAmending(true)}>
              Amend
            </Button>
          )}
          {frozen && amending && (
            <Button size="xs" onClick={() => void draft.flush().then(() => setAmending(false))} disabled={draft.state === 'saved'}>
              Save amendment
            </Button>
          )}
          {!frozen && <MoveToBinButton id={current.letter.id} reference={current.letter.reference} beforeMove={draft.flush} onError={setProblem} />}
        </Group>
      </Group>
      {(problem || draft.error) && (
        <Alert color="red" role="alert" mx="md">
          {problem ?? draft.error}
        </Alert>
      )}
      {draft.restoredAt && (
        <Alert color="blue" mx="md" mt="xs">
          Changes you made that had not been saved (the window closed first) have been brought back.
        </Alert>
      )}
      <TemplateGapNotes gaps={content.templateGaps} readOnly={readOnly} onChange={(templateGaps) => update({ templateGaps })} />
      {current.notes.map((n, i) => (
        <Alert key={i} color="yellow" mx="md" mt="xs">
          {n}
        </Alert>
      ))}
      {gate.modal}
      {sending && (
        <MarkSentModal
          detail={current}
          onClose={() => setSending(false)}
          onSent={(d) => {
            setSending(false);
            adopt(d);
          }}
        />
      )}
      <div className={classes.columns}>
        <ScrollArea className={classes.form} type="auto">
          <Tabs defaultValue={frozen ? 'tracking' : 'letter'} keepMounted={false}>
            <Tabs.List px="md" pt="xs">
              <Tabs.Tab value="letter">Letter</Tabs.Tab>
              <Tabs.Tab value="tracking">Sign-off, replies and commitments</Tabs.Tab>
              <Tabs.Tab value="history">History</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="letter">
          <Stack p="md" gap="md" maw={720}>
            <Group align="flex-end">
              <DateField label="Letter date" value={content.letterDate} disabled={readOnly} onChange={(d) => d && update({ letterDate: d })} today={current.today} w={200} />
            </Group>
            <RecipientSection value={content.recipient} onChange={(recipient) => update({ recipient })} readOnly={readOnly} onError={setProblem} />
            <Divider />
            <TextInput label="Subject" value={content.subject} onChange={(e) => update({ subject: e.currentTarget.value })} disabled={readOnly} />
            <div>
              <Text fw={500} size="sm" mb={4}>
                Body
              </Text>
              <BodyEditor value={content.body} onChange={(body) => update({ body })} readOnly={readOnly} />
            </div>
            <TextInput label="Closing" value={content.closing} onChange={(e) => update({ closing: e.currentTarget.value })} disabled={readOnly} w={260} />
            <Divider />
            <SignatoriesSection value={content.signatories} onChange={(signatories) => update({ signatories })} readOnly={readOnly} />
            <DateField label="Signatures needed by" value={content.signByDate} onChange={(d) => update({ signByDate: d })} clearable disabled={readOnly} today={current.today} w={220} />
            <CcSection value={content.cc} onChange={(cc) => update({ cc })} readOnly={readOnly} onError={setProblem} />
            <Divider />
            <DeadlineSection
              rule={content.deadlineRule}
              manualDate={content.deadlineManualDate}
              effectiveDate={current.letter.deadlineDate}
              explanation={current.deadlineSteps[current.deadlineSteps.length - 1]?.explanation ?? null}
              onChange={update}
              readOnly={readOnly}
            />
            <CommitmentsSection value={content.commitments} onChange={(commitments) => update({ commitments })} readOnly={readOnly} defaultOrganisation={content.recipient.organisation} />
            <SuggestionsPanel
              letterId={current.letter.id}
              letterDate={content.letterDate}
              flush={draft.flush}
              disabled={readOnly}
              onAccept={(text, dueDate) => update({ commitments: [...draft.content.commitments, newCommitment(text, dueDate)] })}
            />
            <AmendmentHistory amendments={current.letter.amendments} />
          </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="tracking" p="md">
              <Stack gap="md">
                <SentRecord letter={current.letter} />
                <ReadinessOverrides overrides={current.letter.readinessOverrides} />
                <SignoffPanel detail={current} onDetail={adopt} />
                <TrackingPanel detail={current} onDetail={adopt} onError={setProblem} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="history" p="md">
              <LetterHistory letterId={current.letter.id} updatedAt={current.letter.updatedAt} />
            </Tabs.Panel>
          </Tabs>
        </ScrollArea>
        <ScrollArea
          className={classes.previewPane}
          type="auto"
          // Reachable by keyboard, so the preview can be scrolled without a mouse.
          viewportProps={{ tabIndex: 0, 'aria-label': 'Preview of the letter as it will be printed', role: 'region' }}
        >
          {document && document.unresolved.length > 0 && (
            <Alert color="yellow" m="sm" title="Placeholders not filled">
              {document.unresolved.map((u) => `{{${u}}}`).join(', ')}
            </Alert>
          )}
          <Paper className={classes.previewScale} bg="transparent" shadow="none">
            {document && <LetterPreview document={document} />}
          </Paper>
        </ScrollArea>
      </div>
    </div>
  );
}

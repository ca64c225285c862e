import { Alert, Badge, Button, Divider, Group, Paper, ScrollArea, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMemo, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { buildLetterDocument } from '../../../../../electron/core/letters/documentModel';
import type { Letter } from '../../../../../electron/core/letters/letterSchema';
import { allowedNext, isFrozen, STATUS_LABELS } from '../../../../../electron/core/letters/status';
import type { LetterDetail } from '../../../../../electron/core/letters/views';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { LetterPreview } from '../preview/LetterPreview';
import { BodyEditor } from './BodyEditor';
import { CommitmentsSection, newCommitment } from './CommitmentsSection';
import { SuggestionsPanel } from '../../tracking/SuggestionsPanel';
import { TrackingPanel } from '../../tracking/TrackingPanel';
import { DeadlineSection } from './DeadlineSection';
import { CcSection, SignatoriesSection } from './PeopleSections';
import { RecipientSection } from './RecipientSection';
import { AmendmentHistory } from './AmendmentHistory';
import { MarkSentModal } from '../../signoff/MarkSentModal';
import { SignoffPanel } from '../../signoff/SignoffPanel';
import { useLetterDraft } from './useLetterDraft';
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
  const remove = useApiMutation('letters.delete');
  const exportDocx = useApiMutation('export.letter');
  const exportLetter = async () => {
    setProblem(null);
    if (!(await draft.flush())) return setProblem('The latest changes could not be saved, so the letter was not exported. Try again once it has saved.');
    exportDocx.mutate(
      { id: current.letter.id },
      {
        onSuccess: (r) => r.status === 'saved' && notifications.show({ color: 'green', title: 'Exported', message: `Saved as ${r.path}` }),
        onError: (e) => setProblem(e.message),
      },
    );
  };
  const office = useApiQuery('settings.getOffice', {});
  const signatories = useApiQuery('signatories.list', { includeArchived: true });

  // The preview is built here from what is on screen, with the same function main uses, so it updates as
  // the officer types rather than after each save.
  const document = useMemo(() => {
    if (!office.data) return null;
    const images = new Map((signatories.data ?? []).flatMap((s) => (s.signatureImage ? [[s.id, s.signatureImage] as const] : [])));
    // The preview needs the commitments' wording only; their histories stay in main.
    const letter: Letter = { ...current.letter, ...content, commitments: content.commitments.map((c) => ({ ...c, history: [] })) };
    return buildLetterDocument(letter, { office: office.data, signatureImages: images, ...current.followUp });
  }, [content, current.letter, current.followUp, office.data, signatories.data]);

  const changeStatus = async (next: Letter['status']) => {
    setProblem(null);
    await draft.flush();
    setStatus.mutate(
      { id: current.letter.id, status: next },
      { onSuccess: adopt, onError: (e) => setProblem(e.message) },
    );
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
              loading={setStatus.isPending}
            >
              {next === 'draft' ? 'Back to draft' : next === 'awaiting-signature' ? 'Send for signature' : `Mark as ${STATUS_LABELS[next].toLowerCase()}`}
            </Button>
          ))}
          <Button size="xs" variant="default" onClick={() => void draft.flush().then(() => navigate(`/print/pack?ids=${current.letter.id}`))}>
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
          {!frozen && (
            <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate({ id: current.letter.id }, { onSuccess: () => void navigate('/letters') })}>
              Move to bin
            </Button>
          )}
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
      {current.notes.map((n, i) => (
        <Alert key={i} color="yellow" mx="md" mt="xs">
          {n}
        </Alert>
      ))}
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
            </Tabs.List>
            <Tabs.Panel value="letter">
          <Stack p="md" gap="md" maw={720}>
            <Group align="flex-end">
              <DateInput
                label="Letter date"
                valueFormat="D MMMM YYYY"
                value={content.letterDate}
                disabled={readOnly}
                onChange={(d) => d && update({ letterDate: d })}
                w={200}
              />
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
            <DateInput label="Signatures needed by" valueFormat="D MMMM YYYY" value={content.signByDate} onChange={(d) => update({ signByDate: d })} clearable disabled={readOnly} w={220} />
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
              <SignoffPanel detail={current} onDetail={adopt} />
              <div style={{ height: 16 }} />
              <TrackingPanel detail={current} onDetail={adopt} onError={setProblem} />
            </Tabs.Panel>
          </Tabs>
        </ScrollArea>
        <ScrollArea className={classes.previewPane} type="auto">
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

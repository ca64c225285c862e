import { Alert, Badge, Button, Center, Group, Loader, NavLink, ScrollArea, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { londonDate } from '../../../../../electron/core/dates/londonDate';
import { buildLetterDocument } from '../../../../../electron/core/letters/documentModel';
import type { TemplateDetail } from '../../../../../electron/core/templates/types';
import { useApiMutation, useApiQuery } from '../../../api/queries';
import { LetterPreview } from '../preview/LetterPreview';
import { sampleLetter } from './sampleLetter';
import classes from './TemplatesPage.module.css';

/** Templates: built-in ones to use and copy, the office's own to write and fix. */
export function TemplatesPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const list = useApiQuery('templates.list', {});
  const create = useApiMutation('templates.create');
  return (
    <div className={classes.layout}>
      <Stack gap={4} className={classes.list}>
        <Group justify="space-between" mb="xs">
          <Title order={1} size="h2">
            Templates
          </Title>
          <Button size="xs" onClick={() => create.mutate({}, { onSuccess: (t) => void navigate(`/templates/${t.id}`) })}>
            New template
          </Button>
        </Group>
        <ScrollArea>
          {(list.data ?? []).map((t) => (
            <NavLink
              key={t.id}
              active={t.id === id}
              onClick={() => void navigate(`/templates/${t.id}`)}
              label={t.name}
              description={t.builtIn ? 'Built in' : 'The office’s own'}
              rightSection={t.problems.length > 0 ? <Badge color="red" size="xs">{t.problems.length} problem{t.problems.length > 1 ? 's' : ''}</Badge> : undefined}
            />
          ))}
        </ScrollArea>
      </Stack>
      <div className={classes.detail}>{id ? <TemplateView id={id} /> : <Text c="dimmed">Choose a template to preview it.</Text>}</div>
    </div>
  );
}

function TemplateView({ id }: { id: string }) {
  const detail = useApiQuery('templates.get', { id });
  if (detail.isError) return <Alert color="red">{detail.error.message}</Alert>;
  if (!detail.data || detail.isPlaceholderData) return <Center><Loader /></Center>;
  return <TemplateEditor key={detail.data.id} detail={detail.data} />;
}

function TemplateEditor({ detail }: { detail: TemplateDetail }) {
  const navigate = useNavigate();
  const office = useApiQuery('settings.getOffice', {});
  const save = useApiMutation('templates.save');
  const duplicate = useApiMutation('templates.duplicate');
  const remove = useApiMutation('templates.remove');
  // What the officer types is kept in a local journal until saved, so switching template, closing the window
  // or a crash never loses an edit; it comes back the next time the template is opened.
  const journalKey = `desk.template.${detail.id}`;
  const [source, setSourceState] = useState(() => (detail.builtIn ? null : localStorage.getItem(journalKey)) ?? detail.source);
  const setSource = (text: string) => {
    setSourceState(text);
    if (text === detail.source) localStorage.removeItem(journalKey);
    else localStorage.setItem(journalKey, text);
  };
  const [current, setCurrent] = useState(detail);
  const dirty = source !== current.source;
  const preview = useMemo(() => {
    if (!current.template || !office.data) return null;
    return buildLetterDocument(sampleLetter(current.template, londonDate(new Date())), { office: office.data, signatureImages: new Map() });
  }, [current.template, office.data]);

  return (
    <Group align="flex-start" wrap="nowrap" gap="md" h="100%">
      <Stack style={{ flex: 1, minWidth: 380 }} h="100%">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {current.name}
          </Title>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => duplicate.mutate({ id: current.id }, { onSuccess: (t) => void navigate(`/templates/${t.id}`) })}>
              Duplicate
            </Button>
            {!current.builtIn && (
              <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate({ id: current.id }, { onSuccess: () => void navigate('/templates') })}>
                Delete
              </Button>
            )}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {current.builtIn ? 'Built-in templates are read-only and updated with the app. Duplicate one to make your own.' : current.description}
        </Text>
        {current.problems.length > 0 && (
          <Alert color="red" title="This template cannot be used until these are fixed" role="alert" data-testid="template-problems">
            <Stack gap={2}>
              {current.problems.map((p, i) => (
                <Text key={i} size="sm">
                  {p.message}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        <Textarea
          label="Template text"
          description="Markdown with details at the top; see the templates guide for the placeholders"
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          readOnly={current.builtIn}
          autosize
          minRows={18}
          maxRows={30}
          styles={{ input: { fontFamily: 'ui-monospace, Consolas, monospace', fontSize: 12 } }}
        />
        {!current.builtIn && dirty && (
          <Text size="sm" c="orange" data-testid="template-unsaved">
            Not saved yet: your text is kept on this computer until you save it.
          </Text>
        )}
        {!current.builtIn && (
          <Group>
            <Button
              disabled={!dirty}
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { id: current.id, source },
                  {
                    onSuccess: (saved) => {
                      localStorage.removeItem(journalKey);
                      setCurrent(saved);
                    },
                  },
                )
              }
            >
              Save template
            </Button>
            {save.isError && <Text c="red" size="sm">{save.error.message}</Text>}
          </Group>
        )}
      </Stack>
      <ScrollArea className={classes.preview}>
        <div className={classes.previewScale}>{preview ? <LetterPreview document={preview} /> : <Text c="dimmed">No preview until the problems are fixed.</Text>}</div>
      </ScrollArea>
    </Group>
  );
}

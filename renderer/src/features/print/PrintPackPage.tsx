import './print.css';
import { Alert, Button, Center, Group, List, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { call } from '../../api/desk';
import { useApiMutation } from '../../api/queries';
import type { PackNote } from '../../../../electron/core/signoff/pack';
import { PackView } from './PackView';
import classes from './PrintPackPage.module.css';

function Notes({ notes, testId }: { notes: PackNote[]; testId: string }) {
  return (
    <List size="sm" spacing={4} data-testid={testId}>
      {notes.map((n) => (
        <List.Item key={n.id}>
          <strong>{n.reference}</strong>: {n.problems.join(' ')}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * `/print/pack?ids=…`: the signatory pack on its own page, without the app's navigation, so what is printed
 * or saved as PDF is exactly what is shown. The toolbar, and the notes on letters left out or worth
 * checking, are for the screen only.
 */
export function PrintPackPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  const pack = useQuery({ queryKey: ['print.packData', ids], queryFn: () => call('print.packData', { ids }), enabled: ids.length > 0, refetchOnMount: 'always' });
  const savePdf = useApiMutation('print.savePdf');
  const print = useApiMutation('print.printDialog');
  const items = pack.data?.items ?? [];
  const name = items.length === 1 ? `Signatory pack ${items[0]!.reference}` : `Signatory pack ${items.length} letters`;
  const printable = items.length > 0;
  return (
    <div>
      <Group className={classes.toolbar} justify="space-between" p="sm">
        <Group>
          <Button variant="default" onClick={() => void navigate(-1)}>
            Back
          </Button>
          <Text fw={600}>{name}</Text>
        </Group>
        <Group>
          <Button variant="default" loading={print.isPending} disabled={!printable} onClick={() => print.mutate({})}>
            Print…
          </Button>
          <Button
            loading={savePdf.isPending}
            disabled={!printable}
            onClick={() =>
              savePdf.mutate(
                { suggestedName: name },
                { onSuccess: (r) => r.status === 'saved' && notifications.show({ color: 'green', title: 'Saved', message: `${r.path} (${r.pages} pages)` }) },
              )
            }
          >
            Save as PDF
          </Button>
        </Group>
      </Group>
      {(pack.isError || savePdf.isError || print.isError) && (
        <Alert color="red" m="sm" className={classes.toolbar} role="alert">
          {pack.error?.message ?? savePdf.error?.message ?? print.error?.message}
        </Alert>
      )}
      {ids.length === 0 && <Alert m="sm">Choose letters in the register to make a pack.</Alert>}
      {pack.isPending && ids.length > 0 && (
        <Center p="xl">
          <Loader aria-label="Preparing the pack" />
        </Center>
      )}
      {pack.data && (pack.data.skipped.length > 0 || pack.data.warnings.length > 0) && (
        // Screen only, by the toolbar's print rule; static, so the notes scroll away instead of sticking.
        <div className={classes.toolbar} style={{ position: 'static', borderBottom: 'none' }}>
          {pack.data.skipped.length > 0 && (
            <Alert color="orange" m="sm" title={printable ? 'Left out of the pack: these would print the wrong text' : 'Nothing to print: every letter would print the wrong text'}>
              <Notes notes={pack.data.skipped} testId="pack-skipped" />
              <Text size="xs" mt="xs">
                Correct each letter, then make its pack again.
              </Text>
            </Alert>
          )}
          {pack.data.warnings.length > 0 && (
            <Alert color="yellow" m="sm" title="In the pack, but worth checking">
              <Notes notes={pack.data.warnings} testId="pack-warnings" />
            </Alert>
          )}
        </div>
      )}
      {printable && (
        <div data-print-ready="true">
          <PackView items={items} />
        </div>
      )}
    </div>
  );
}

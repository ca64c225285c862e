import './print.css';
import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { call } from '../../api/desk';
import { useApiMutation } from '../../api/queries';
import { PackView } from './PackView';
import classes from './PrintPackPage.module.css';

/**
 * `/print/pack?ids=…`: the signatory pack on its own page, without the app's navigation, so what is printed
 * or saved as PDF is exactly what is shown. The toolbar is for the screen only.
 */
export function PrintPackPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  const pack = useQuery({ queryKey: ['print.packData', ids], queryFn: () => call('print.packData', { ids }), enabled: ids.length > 0, refetchOnMount: 'always' });
  const savePdf = useApiMutation('print.savePdf');
  const print = useApiMutation('print.printDialog');
  const name = pack.data?.length === 1 ? `Signatory pack ${pack.data[0]!.reference}` : `Signatory pack ${pack.data?.length ?? 0} letters`;
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
          <Button variant="default" loading={print.isPending} disabled={!pack.data} onClick={() => print.mutate({})}>
            Print…
          </Button>
          <Button
            loading={savePdf.isPending}
            disabled={!pack.data}
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
      {pack.data && (
        <div data-print-ready="true">
          <PackView items={pack.data} />
        </div>
      )}
    </div>
  );
}

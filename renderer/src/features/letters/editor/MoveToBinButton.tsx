import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/desk';
import { useApiMutation } from '../../../api/queries';

/**
 * Undo is offered from a notification that outlives the editor (which closes once the letter is binned), so
 * it cannot rely on a mutation owned by the editor: it calls through and refreshes the caches itself.
 */
function useUndoBin(id: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await call('letters.restore', { id });
      notifications.hide(`binned-${id}`);
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'app.status' });
      void navigate(`/letters/${id}`);
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not restore the letter', message: e instanceof Error ? e.message : String(e) });
    }
  };
}

/**
 * "Move to bin" asks first, then offers to undo: a letter drafted for an hour should not be one slip of the
 * mouse from the bin. Binned letters can also be restored from the register's bin later.
 */
export function MoveToBinButton(props: { id: string; reference: string; beforeMove: () => Promise<unknown>; onError: (message: string) => void }) {
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const remove = useApiMutation('letters.delete');
  const undo = useUndoBin(props.id);
  const move = async () => {
    await props.beforeMove();
    remove.mutate(
      { id: props.id },
      {
        onSuccess: () => {
          setAsking(false);
          notifications.show({
            id: `binned-${props.id}`,
            title: `${props.reference} moved to the bin`,
            autoClose: 10_000,
            message: (
              <Group justify="space-between" gap="xs">
                <Text size="sm">You can restore it from the bin in Letters.</Text>
                <Button size="compact-xs" variant="light" onClick={() => void undo()} data-testid="undo-bin">
                  Undo
                </Button>
              </Group>
            ),
          });
          void navigate('/letters');
        },
        onError: (e) => {
          setAsking(false);
          props.onError(e.message);
        },
      },
    );
  };
  return (
    <>
      <Button size="xs" variant="subtle" color="red" onClick={() => setAsking(true)}>
        Move to bin
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={`Move ${props.reference} to the bin?`}>
        <Stack>
          <Text size="sm">The letter keeps its reference and everything in it. You can restore it from the bin in Letters.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              Keep the letter
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => void move()}>
              Move to bin
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

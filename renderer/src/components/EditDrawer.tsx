import { Button, Drawer, Group, Modal, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/**
 * The side panel every record is created and edited in. Closing it with unsaved changes asks first, so a
 * stray Escape or click outside never throws away what the officer typed.
 */
export function EditDrawer(props: { opened: boolean; title: string; dirty: boolean; onClose: () => void; children: ReactNode }) {
  const [confirming, setConfirming] = useState(false);
  const requestClose = () => (props.dirty ? setConfirming(true) : props.onClose());
  return (
    <>
      <Drawer opened={props.opened} onClose={requestClose} title={props.title} position="right" size="lg" padding="lg">
        {props.children}
      </Drawer>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Discard your changes?" centered zIndex={400}>
        <Text mb="md">You have changes that are not saved. If you close now they will be lost.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            Keep editing
          </Button>
          <Button
            color="red"
            onClick={() => {
              setConfirming(false);
              props.onClose();
            }}
          >
            Discard changes
          </Button>
        </Group>
      </Modal>
    </>
  );
}

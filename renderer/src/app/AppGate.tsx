import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { call } from '../api/desk';
import { ErrorScreen } from './ErrorScreen';
import { router } from './router';

/**
 * The first thing on screen: the data either loaded (the app), or did not (the error screen, which names the
 * file and offers a backup). `data-app-state` is the readiness marker the end-to-end tests wait for.
 */
export function AppGate() {
  // Asked again every few seconds while the app is open, so a notice (the disk is full) appears and goes
  // (space was freed) without a restart.
  const status = useQuery({ queryKey: ['app.status'], queryFn: () => call('app.status', {}), refetchInterval: 5000 });
  if (status.isPending) {
    return (
      <Center h="100vh" data-app-state="loading">
        <Loader aria-label="Loading your data" />
      </Center>
    );
  }
  if (status.isError) {
    return (
      <div data-app-state="error">
        <ErrorScreen message={status.error.message} />
      </div>
    );
  }
  if (status.data.state === 'error') {
    return (
      <div data-app-state="error">
        <ErrorScreen status={status.data} />
      </div>
    );
  }
  return (
    <div data-app-state="ready">
      <RouterProvider router={router} />
    </div>
  );
}

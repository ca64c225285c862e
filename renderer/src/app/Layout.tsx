import { Alert, AppShell, Divider, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { AppNotice } from '../../../electron/core/appStatus';
import { call } from '../api/desk';
import { IconChecklist, IconHistory, IconHome, IconMail, IconTemplate, IconAddressBook, IconBuilding, IconSettings, IconSignature, IconUsersGroup } from '@tabler/icons-react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';

const work = [
  { to: '/', label: 'Today', icon: IconHome, exact: true },
  { to: '/letters', label: 'Letters', icon: IconMail },
  { to: '/commitments', label: 'Commitments', icon: IconChecklist },
  { to: '/templates', label: 'Templates', icon: IconTemplate },
];

const sections = [
  { to: '/contacts', label: 'Contacts', icon: IconAddressBook },
  { to: '/organisations', label: 'Organisations', icon: IconBuilding },
  { to: '/cc-groups', label: 'CC groups', icon: IconUsersGroup },
  { to: '/signatories', label: 'Signatories', icon: IconSignature },
];

/** What the officer must know while working, above every page: a full disk, a carried-over register. */
function Notices() {
  const status = useQuery({ queryKey: ['app.status'], queryFn: () => call('app.status', {}), refetchInterval: 5000 });
  const notices = status.data?.state === 'ready' ? status.data.notices : [];
  if (notices.length === 0) return null;
  return (
    <Stack gap="xs" mb="sm">
      {notices.map((n) => (
        <Alert key={n.kind} color={n.kind === 'read-only' ? 'red' : n.kind === 'imported' ? 'blue' : 'yellow'} role={n.kind === 'read-only' ? 'alert' : 'status'} title={NOTICE_TITLES[n.kind]}>
          {n.message}
        </Alert>
      ))}
    </Stack>
  );
}

const NOTICE_TITLES: Record<AppNotice['kind'], string> = {
  'read-only': 'The disk is full: nothing can be saved',
  imported: 'Your register was carried over',
  settings: 'This PC’s settings were reset',
  backup: 'Backups are not being made',
};

export function Layout() {
  const { pathname } = useLocation();
  return (
    <AppShell navbar={{ width: 220, breakpoint: 0 }} header={{ height: 52 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md">
          <Title order={3} component="p">
            Correspondence Desk
          </Title>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        {work.map(({ to, label, icon: Icon, exact }) => (
          <NavLink key={to} component={RouterLink} to={to} label={label} leftSection={<Icon size={18} stroke={1.5} />} active={exact ? pathname === to : pathname.startsWith(to)} />
        ))}
        <Text size="xs" c="dimmed" tt="uppercase" fw={700} px="sm" pt="md" pb={6}>
          Address book
        </Text>
        {sections.map(({ to, label, icon: Icon }) => (
          <NavLink
            key={to}
            component={RouterLink}
            to={to}
            label={label}
            leftSection={<Icon size={18} stroke={1.5} />}
            active={pathname.startsWith(to)}
          />
        ))}
        <Divider my="sm" />
        <NavLink component={RouterLink} to="/history" label="History" leftSection={<IconHistory size={18} stroke={1.5} />} active={pathname.startsWith('/history')} />
        <NavLink component={RouterLink} to="/settings" label="Settings" leftSection={<IconSettings size={18} stroke={1.5} />} active={pathname.startsWith('/settings')} />
      </AppShell.Navbar>
      <AppShell.Main h="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
        <Notices />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

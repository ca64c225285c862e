import { AppShell, Divider, Group, NavLink, Text, Title } from '@mantine/core';
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
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

import { createHashRouter } from 'react-router';
import { PrintPackPage } from '../features/print/PrintPackPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { CommitmentsPage } from '../features/tracking/CommitmentsPage';
import { Layout } from './Layout';
import { OrganisationsPage } from '../features/addressBook/organisations/OrganisationsPage';
import { ContactsPage } from '../features/addressBook/contacts/ContactsPage';
import { SignatoriesPage } from '../features/addressBook/signatories/SignatoriesPage';
import { CcGroupsPage } from '../features/addressBook/ccGroups/CcGroupsPage';
import { LettersPage } from '../features/letters/register/LettersPage';
import { LetterEditorPage } from '../features/letters/editor/LetterEditorPage';
import { TemplatesPage } from '../features/letters/templates/TemplatesPage';
import { OfficeSettingsPage } from '../features/settings/OfficeSettingsPage';
import { HistoryPage } from '../features/history/HistoryPage';

/** Hash routes: the app is one page served from app://desk/index.html, so the path never leaves it. */
export const router = createHashRouter([
  // Outside the layout: a print view has no navigation to print.
  { path: '/print/pack', element: <PrintPackPage /> },
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'commitments', element: <CommitmentsPage /> },
      { path: 'letters', element: <LettersPage /> },
      { path: 'letters/:id', element: <LetterEditorPage /> },
      { path: 'templates/:id?', element: <TemplatesPage /> },
      { path: 'contacts/:id?', element: <ContactsPage /> },
      { path: 'organisations/:id?', element: <OrganisationsPage /> },
      { path: 'signatories/:id?', element: <SignatoriesPage /> },
      { path: 'cc-groups/:id?', element: <CcGroupsPage /> },
      { path: 'history', element: <HistoryPage /> },
      { path: 'settings', element: <OfficeSettingsPage /> },
    ],
  },
]);

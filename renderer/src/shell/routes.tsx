import {
  createMemoryHistory,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  type RouteComponent,
} from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { z } from 'zod';
import { errorMessage } from '../api';
import { HouseholdDetailView } from '../households/detail/HouseholdDetailView';
import { HouseholdEditPage } from '../households/form/HouseholdEditPage';
import { HouseholdFormPage } from '../households/form/HouseholdFormPage';
import { HouseholdScreen } from '../households/HouseholdScreen';
import { HouseholdsSection } from '../households/HouseholdsSection';
import { HouseholdList } from '../households/list/HouseholdList';
import { NoteSearchPage } from '../households/notes/NoteSearchPage';
import { MeetingScreen } from '../meetings/detail/MeetingScreen';
import { meetingTabs } from '../meetings/detail/MeetingTabs';
import { MeetingEditPage } from '../meetings/form/MeetingEditPage';
import { NewMeetingPage } from '../meetings/form/NewMeetingPage';
import { MeetingList } from '../meetings/list/MeetingList';
import { ErrorPanel } from '../ui/ErrorPanel';
import layoutStyles from '../ui/layout.module.css';
import { HomePage } from './HomePage';
import { ShellLayout } from './ShellLayout';

/**
 * Screens opened now and then load on first use (their code, and the charts of 統計), so the
 * window's first paint reads only the shell, ホーム and the 世帯 screens. docx-preview is loaded by
 * the preview itself (documents/DocxPreview.tsx).
 */
const AgenciesPage = lazyRouteComponent(() => import('../agencies/AgenciesPage'), 'AgenciesPage');
const AuditLogPage = lazyRouteComponent(() => import('../audit/AuditLogPage'), 'AuditLogPage');
const BackupPage = lazyRouteComponent(() => import('../backup/BackupPage'), 'BackupPage');
const MembersPage = lazyRouteComponent(() => import('../households/members/MembersPage'), 'MembersPage');
const ImportPage = lazyRouteComponent(() => import('../import/ImportPage'), 'ImportPage');
const IssueTagsPage = lazyRouteComponent(() => import('../issue-tags/IssueTagsPage'), 'IssueTagsPage');
const MeetingDetail = lazyRouteComponent(() => import('../meetings/detail/MeetingDetail'), 'MeetingDetail');
const SettingsPage = lazyRouteComponent(() => import('../settings/SettingsPage'), 'SettingsPage');
const StatisticsPage = lazyRouteComponent(() => import('../statistics/StatisticsPage'), 'StatisticsPage');
const UsersPage = lazy(() => import('../users/UsersPage').then((m) => ({ default: m.UsersPage })));

/** What every signed-in screen may know about the session (never case data). */
export interface ShellContext {
  user: { id: string; name: string };
  autoLockMinutes: number;
}

const rootRoute = createRootRouteWithContext<ShellContext>()({ component: ShellLayout });

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: function Home() {
    const { user, autoLockMinutes } = homeRoute.useRouteContext();
    return <HomePage user={user} autoLockMinutes={autoLockMinutes} />;
  },
});

// 世帯: the list keeps its search while the person is inside 世帯 (HouseholdsSection holds it).
const householdsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'households',
  component: HouseholdsSection,
});
const householdListRoute = createRoute({
  getParentRoute: () => householdsRoute,
  path: '/',
  component: HouseholdList,
});
const newHouseholdRoute = createRoute({
  getParentRoute: () => householdsRoute,
  path: 'new',
  component: HouseholdFormPage,
});
/** 支援経過の検索 across every household. */
const noteSearchRoute = createRoute({
  getParentRoute: () => householdsRoute,
  path: 'notes',
  component: NoteSearchPage,
});
/** One household: read once when it is opened (rule 10), shared by its detail and editors. */
const householdRoute = createRoute({
  getParentRoute: () => householdsRoute,
  path: '$householdId',
  component: HouseholdScreen,
});
const householdDetailRoute = createRoute({
  getParentRoute: () => householdRoute,
  path: '/',
  // ホーム links to the part of the household where the work is done.
  validateSearch: z.object({
    section: z.enum(['notes', 'monitoring', 'consent']).optional(),
    /** One 支援経過 entry, from the search across households. */
    note: z.string().optional(),
  }),
  component: HouseholdDetailView,
});
const householdEditRoute = createRoute({
  getParentRoute: () => householdRoute,
  path: 'edit',
  component: HouseholdEditPage,
});
const householdMembersRoute = createRoute({
  getParentRoute: () => householdRoute,
  path: 'members',
  component: MembersPage,
});

const meetingsRoute = createRoute({ getParentRoute: () => rootRoute, path: 'meetings' });
const meetingListRoute = createRoute({
  getParentRoute: () => meetingsRoute,
  path: '/',
  component: MeetingList,
});
/** 会議の準備: for a household chosen on its page, or picked first. */
const newMeetingRoute = createRoute({
  getParentRoute: () => meetingsRoute,
  path: 'new',
  validateSearch: z.object({ householdId: z.string().optional() }),
  component: NewMeetingPage,
});
/** One meeting: read once when it is opened (audited), shared by its tabs and its edit form. */
const meetingRoute = createRoute({
  getParentRoute: () => meetingsRoute,
  path: '$meetingId',
  component: MeetingScreen,
});
const meetingDetailRoute = createRoute({
  getParentRoute: () => meetingRoute,
  path: '/',
  validateSearch: z.object({ tab: z.enum(meetingTabs).optional() }),
  component: MeetingDetail,
});
const meetingEditRoute = createRoute({
  getParentRoute: () => meetingRoute,
  path: 'edit',
  component: MeetingEditPage,
});

/** A page with no screens below it; the path stays a literal type, so links to it are checked. */
const page = <P extends string>(path: P, component: RouteComponent) =>
  createRoute({ getParentRoute: () => rootRoute, path, component });

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'users',
  component: function Users() {
    const { user } = usersRoute.useRouteContext();
    return (
      <Suspense>
        <UsersPage currentUserId={user.id} />
      </Suspense>
    );
  },
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  householdsRoute.addChildren([
    householdListRoute,
    newHouseholdRoute,
    noteSearchRoute,
    householdRoute.addChildren([householdDetailRoute, householdEditRoute, householdMembersRoute]),
  ]),
  meetingsRoute.addChildren([
    meetingListRoute,
    newMeetingRoute,
    meetingRoute.addChildren([meetingDetailRoute, meetingEditRoute]),
  ]),
  page('agencies', AgenciesPage),
  page('issue-tags', IssueTagsPage),
  page('import', ImportPage),
  page('statistics', StatisticsPage),
  page('audit', AuditLogPage),
  page('backup', BackupPage),
  page('settings', SettingsPage),
  usersRoute,
]);

/**
 * One router per signed-in session: the shell makes a new one on every mount, at `initialHref` (the
 * screen open at the lock, for the same person's unlock) or ホーム. Memory history: Electron has no address bar,
 * and nothing depends on file:// or hash URLs.
 */
export function createAppRouter(context: ShellContext, initialHref = '/') {
  return createRouter({
    routeTree,
    context,
    history: createMemoryHistory({ initialEntries: [initialHref] }),
    defaultErrorComponent: ({ error }) => (
      <div className={layoutStyles.page}>
        <ErrorPanel title="画面を表示できません" message={errorMessage(error)} />
      </div>
    ),
    defaultNotFoundComponent: () => (
      <div className={layoutStyles.page}>
        <ErrorPanel title="画面が見つかりません" message="メニューから開き直してください。" />
      </div>
    ),
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}

declare module '@tanstack/history' {
  interface HistoryState {
    /** A one-line success message for the screen a save leads to (「基本情報を保存しました。」). */
    flash?: string;
    /** Set by the menu: choosing an entry starts that page over, even the one already shown. */
    menuVisit?: number;
  }
}

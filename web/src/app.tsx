import { createBrowserRouter } from 'react-router';
import { DOSSIER_READERS, METRICS_READERS, STAFF_ROLES } from './api/auth';
import { PublicLayout } from './components/layout/public-layout';
import { StaffLayout } from './components/layout/staff-layout';
import { NotFoundPage } from './components/not-found';
import { PageLoader } from './components/query-state';
import { RequireRole } from './components/require-role';
import { RouteError } from './components/route-error';
import { ForgotPasswordPage } from './pages/auth/forgot-password-page';
import { LoginPage } from './pages/auth/login-page';
import { RegisterPage } from './pages/auth/register-page';
import { HomePage } from './pages/public/home-page';
import { ProcedureDetailPage } from './pages/public/procedure-detail-page';
import { ProcedureListPage } from './pages/public/procedure-list-page';

// Staff and admin pages load on demand so the public site stays light.
export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'thu-tuc', element: <ProcedureListPage /> },
      { path: 'thu-tuc/:code', element: <ProcedureDetailPage /> },
      { path: 'thu-tuc/:code/phien-ban/:versionNo', element: <ProcedureDetailPage /> },
      { path: 'dang-nhap', element: <LoginPage /> },
      { path: 'dang-ky', element: <RegisterPage /> },
      { path: 'dang-ky/xac-nhan', element: <RegisterPage /> },
      { path: 'quen-mat-khau', element: <ForgotPasswordPage /> },
      {
        // The home of citizens and businesses, in the public layout (never the staff area).
        path: 'ho-so-cua-toi',
        hydrateFallbackElement: <PageLoader />,
        lazy: () => import('./pages/citizen/citizen-home-page').then((m) => ({ Component: m.CitizenHomePage })),
      },
      {
        path: 'thu-tuc/:code/nop-truc-tuyen',
        lazy: () => import('./pages/citizen/online-apply-page').then((m) => ({ Component: m.OnlineApplyPage })),
      },
      { path: 'ho-so-cua-toi/:id', lazy: () => import('./pages/citizen/my-dossier-page').then((m) => ({ Component: m.MyDossierPage })) },
      { path: 'tra-cuu-ho-so', lazy: () => import('./pages/dossiers/lookup/lookup-page').then((m) => ({ Component: m.LookupPage })) },
      {
        path: 'thong-ke',
        lazy: () => import('./pages/monitoring/public-statistics-page').then((m) => ({ Component: m.PublicStatisticsPage })),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    element: <StaffLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoader />,
    children: [
      {
        path: 'can-bo',
        lazy: () => import('./pages/staff/dashboard-page').then((m) => ({ Component: m.DashboardPage })),
      },
      {
        // The dossier engine (issue 12): the handling roles' inbox and dossier page, the desk's intake, the tracking book.
        path: 'can-bo',
        element: <RequireRole roles={DOSSIER_READERS} />,
        children: [
          { path: 'ho-so', lazy: () => import('./pages/dossiers/inbox/inbox-page').then((m) => ({ Component: m.InboxPage })) },
          { path: 'ho-so/:id', lazy: () => import('./pages/dossiers/detail/dossier-page').then((m) => ({ Component: m.DossierPage })) },
          {
            path: 'so-theo-doi',
            lazy: () => import('./pages/dossiers/tracking-book/tracking-book-page').then((m) => ({ Component: m.TrackingBookPage })),
          },
        ],
      },
      {
        path: 'can-bo',
        element: <RequireRole roles={['desk_officer']} />,
        children: [
          { path: 'tiep-nhan', lazy: () => import('./pages/dossiers/intake/intake-page').then((m) => ({ Component: m.IntakePage })) },
        ],
      },
      {
        // Monitoring (issue 13): leaders of a unit, procedure control, the provincial office, administrators.
        path: 'giam-sat',
        element: <RequireRole roles={METRICS_READERS} />,
        children: [
          { index: true, lazy: () => import('./pages/monitoring/overview-page').then((m) => ({ Component: m.OverviewPage })) },
          {
            path: 'chi-so/:code',
            lazy: () => import('./pages/monitoring/indicator-page').then((m) => ({ Component: m.IndicatorPage })),
          },
          { path: 'bieu-06', lazy: () => import('./pages/monitoring/bieu06-page').then((m) => ({ Component: m.Bieu06Page })) },
          {
            path: 'thoi-gian-xu-ly',
            lazy: () => import('./pages/monitoring/processing-times-page').then((m) => ({ Component: m.ProcessingTimesPage })),
          },
          {
            path: 'bao-cao-dinh-ky',
            lazy: () => import('./pages/monitoring/periodic/reports-page').then((m) => ({ Component: m.ControlReportsPage })),
          },
          {
            path: 'bao-cao-dinh-ky/:id',
            lazy: () => import('./pages/monitoring/periodic/report-page').then((m) => ({ Component: m.ControlReportPage })),
          },
        ],
      },
      {
        // The due-date calculator: every staff role, the desk officers first of all.
        path: 'can-bo/tinh-han',
        element: <RequireRole roles={STAFF_ROLES} />,
        children: [
          { index: true, lazy: () => import('./pages/dossiers/due-date/due-date-page').then((m) => ({ Component: m.DueDatePage })) },
        ],
      },
      {
        // The simplification programme (NQ 66): every staff role reads it; the API decides who may write.
        path: 'cai-cach',
        element: <RequireRole roles={STAFF_ROLES} />,
        children: [
          {
            path: 'muc-tieu',
            lazy: () => import('./pages/reform/targets/targets-page').then((m) => ({ Component: m.TargetsPage })),
          },
          {
            path: 'muc-tieu/chi-tiet',
            lazy: () => import('./pages/reform/targets/drill-page').then((m) => ({ Component: m.DrillPage })),
          },
          {
            path: 'thu-tuc/:code',
            lazy: () => import('./pages/reform/procedure/procedure-reform-page').then((m) => ({ Component: m.ProcedureReformPage })),
          },
          {
            path: 'chi-phi',
            lazy: () => import('./pages/reform/cost/cost-page').then((m) => ({ Component: m.CostPage })),
          },
          {
            path: 'phuong-an',
            lazy: () => import('./pages/reform/proposals/proposals-page').then((m) => ({ Component: m.ProposalsPage })),
          },
          {
            path: 'phuong-an/:id',
            lazy: () => import('./pages/reform/proposals/proposal-detail-page').then((m) => ({ Component: m.ProposalDetailPage })),
          },
          {
            path: 'dieu-kien',
            lazy: () => import('./pages/reform/conditions/conditions-page').then((m) => ({ Component: m.ConditionsPage })),
          },
          {
            path: 'che-do-bao-cao',
            lazy: () => import('./pages/reform/regimes/regimes-page').then((m) => ({ Component: m.RegimesPage })),
          },
        ],
      },
      {
        // Plans (issue 14): every staff role reads them; the API decides who saves a plan and who reports on a task.
        path: 'ke-hoach',
        element: <RequireRole roles={STAFF_ROLES} />,
        children: [
          { index: true, lazy: () => import('./pages/plans/plans-page').then((m) => ({ Component: m.PlansPage })) },
          { path: 'nhap', lazy: () => import('./pages/plans/plan-import-page').then((m) => ({ Component: m.PlanImportPage })) },
          {
            path: 'viec-cua-don-vi',
            lazy: () => import('./pages/plans/unit-tasks-page').then((m) => ({ Component: m.UnitTasksPage })),
          },
          { path: 'qua-han', lazy: () => import('./pages/plans/overdue-page').then((m) => ({ Component: m.OverduePage })) },
          { path: 'lich', lazy: () => import('./pages/plans/due-calendar-page').then((m) => ({ Component: m.DueCalendarPage })) },
          { path: 'tong-hop', lazy: () => import('./pages/plans/rollup-page').then((m) => ({ Component: m.RollupPage })) },
          { path: ':id', lazy: () => import('./pages/plans/plan-detail-page').then((m) => ({ Component: m.PlanDetailPage })) },
        ],
      },
      {
        path: 'quan-tri',
        element: <RequireRole roles={['admin']} />,
        children: [
          {
            path: 'don-vi',
            lazy: () => import('./pages/admin/units/units-page').then((m) => ({ Component: m.UnitsPage })),
          },
          {
            path: 'nguoi-dung',
            lazy: () => import('./pages/admin/users/users-page').then((m) => ({ Component: m.UsersPage })),
          },
          {
            path: 'thong-bao',
            lazy: () => import('./pages/admin/notify/outbox-page').then((m) => ({ Component: m.OutboxPage })),
          },
          {
            path: 'cong-thong-tin',
            lazy: () => import('./pages/admin/portal/portal-settings-page').then((m) => ({ Component: m.PortalSettingsPage })),
          },
        ],
      },
      {
        path: 'quan-tri',
        element: <RequireRole roles={['admin', 'procedure_controller']} />,
        children: [
          {
            path: 'thu-tuc',
            lazy: () => import('./pages/admin/procedures/procedures-page').then((m) => ({ Component: m.ProceduresAdminPage })),
          },
          {
            path: 'thu-tuc/moi',
            lazy: () => import('./pages/admin/procedures/new-procedure-page').then((m) => ({ Component: m.NewProcedurePage })),
          },
          {
            path: 'thu-tuc/:code',
            lazy: () =>
              import('./pages/admin/procedures/edit-procedure-page').then((m) => ({
                Component: m.EditProcedurePage,
              })),
          },
          {
            path: 'quyet-dinh',
            lazy: () => import('./pages/admin/decisions/decisions-page').then((m) => ({ Component: m.DecisionsPage })),
          },
          {
            path: 'quyet-dinh/moi',
            lazy: () => import('./pages/admin/decisions/new-decision-page').then((m) => ({ Component: m.NewDecisionPage })),
          },
          {
            path: 'lich',
            lazy: () => import('./pages/admin/calendar/calendar-page').then((m) => ({ Component: m.CalendarPage })),
          },
          {
            path: 'tu-dien-tim-kiem',
            lazy: () => import('./pages/admin/search/search-dictionary-page').then((m) => ({ Component: m.SearchDictionaryPage })),
          },
          {
            path: 'cai-dat-giam-sat',
            lazy: () => import('./pages/admin/monitoring/monitoring-settings-page').then((m) => ({ Component: m.MonitoringSettingsPage })),
          },
        ],
      },
    ],
  },
]);

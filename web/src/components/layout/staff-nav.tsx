import { Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBook,
  IconBuildingBank,
  IconBuildingCommunity,
  IconCalculator,
  IconCalendarDue,
  IconCalendarEvent,
  IconChartBar,
  IconChecklist,
  IconClipboardList,
  IconClockHour4,
  IconFileDescription,
  IconFilePlus,
  IconFileSearch,
  IconFiles,
  IconHome,
  IconHourglass,
  IconLayoutDashboard,
  IconLicense,
  IconListDetails,
  IconMailForward,
  IconReport,
  IconSettings,
  IconTable,
  IconTargetArrow,
  IconUsers,
  IconVocabulary,
} from '@tabler/icons-react';
import type { SessionUser } from '../../../../src/contract/auth';
import { DOSSIER_READERS, hasRole, METRICS_READERS, STAFF_ROLES } from '../../api/auth';
import { vi } from '../../i18n/vi';
import { NavItem } from './nav-item';

const m = vi.staff.nav;

function NavGroup({ title }: { title: string }) {
  return (
    <Text size="xs" fw={700} tt="uppercase" c="gray.7" mt="md" px="sm">
      {title}
    </Text>
  );
}

export function StaffNav({ user }: { user: SessionUser }) {
  const isAdmin = hasRole(user, 'admin');
  const isController = !isAdmin && hasRole(user, 'procedure_controller');

  return (
    <Stack gap={4}>
      <NavItem to="/can-bo" end label={m.overview} icon={<IconLayoutDashboard size={18} aria-hidden />} />
      {hasRole(user, ...DOSSIER_READERS) && (
        <>
          <NavGroup title={m.dossierGroup} />
          <NavItem to="/can-bo/ho-so" label={m.dossiers} icon={<IconFiles size={18} aria-hidden />} />
          {hasRole(user, 'desk_officer') && (
            <NavItem to="/can-bo/tiep-nhan" label={m.intake} icon={<IconFilePlus size={18} aria-hidden />} />
          )}
          <NavItem to="/can-bo/so-theo-doi" label={m.trackingBook} icon={<IconBook size={18} aria-hidden />} />
          <NavItem to="/can-bo/tinh-han" label={m.dueTool} icon={<IconClockHour4 size={18} aria-hidden />} />
        </>
      )}
      {hasRole(user, ...METRICS_READERS) && (
        <>
          <NavGroup title={vi.monitoring.nav.group} />
          <NavItem to="/giam-sat" end label={vi.monitoring.nav.dashboard} icon={<IconChartBar size={18} aria-hidden />} />
          <NavItem to="/giam-sat/bieu-06" label={vi.monitoring.nav.report} icon={<IconTable size={18} aria-hidden />} />
          <NavItem to="/giam-sat/thoi-gian-xu-ly" label={vi.processingTimes.nav} icon={<IconHourglass size={18} aria-hidden />} />
          <NavItem to="/giam-sat/bao-cao-dinh-ky" label="Báo cáo định kỳ" icon={<IconReport size={18} aria-hidden />} />
        </>
      )}
      {(isAdmin || isController) && <NavGroup title={isAdmin ? m.adminGroup : m.controllerGroup} />}
      {isAdmin && <NavItem to="/quan-tri/don-vi" label={m.units} icon={<IconBuildingCommunity size={18} aria-hidden />} />}
      {isAdmin && <NavItem to="/quan-tri/nguoi-dung" label={m.users} icon={<IconUsers size={18} aria-hidden />} />}
      {isAdmin && <NavItem to="/quan-tri/thong-bao" label={m.notifyOutbox} icon={<IconMailForward size={18} aria-hidden />} />}
      {isAdmin && <NavItem to="/quan-tri/cong-thong-tin" label={m.portalSettings} icon={<IconBuildingBank size={18} aria-hidden />} />}
      {(isAdmin || isController) && (
        <NavItem to="/quan-tri/thu-tuc" label={m.procedures} icon={<IconListDetails size={18} aria-hidden />} />
      )}
      {(isAdmin || isController) && <NavItem to="/quan-tri/lich" label={m.calendar} icon={<IconCalendarEvent size={18} aria-hidden />} />}
      {(isAdmin || isController) && (
        <NavItem to="/quan-tri/tu-dien-tim-kiem" label={m.searchDictionary} icon={<IconVocabulary size={18} aria-hidden />} />
      )}
      {(isAdmin || isController) && (
        <NavItem to="/quan-tri/cai-dat-giam-sat" label={m.monitoringSettings} icon={<IconSettings size={18} aria-hidden />} />
      )}
      {hasRole(user, ...STAFF_ROLES) && (
        <>
          <NavGroup title={m.reformGroup} />
          <NavItem to="/cai-cach/muc-tieu" label={m.reformTargets} icon={<IconTargetArrow size={18} aria-hidden />} />
          <NavItem to="/cai-cach/phuong-an" label={m.reformProposals} icon={<IconFileDescription size={18} aria-hidden />} />
          <NavItem to="/cai-cach/dieu-kien" label={m.reformConditions} icon={<IconLicense size={18} aria-hidden />} />
          <NavItem to="/cai-cach/che-do-bao-cao" label={m.reformRegimes} icon={<IconReport size={18} aria-hidden />} />
          <NavItem to="/cai-cach/chi-phi" label={m.reformCost} icon={<IconCalculator size={18} aria-hidden />} />
        </>
      )}
      {hasRole(user, ...STAFF_ROLES) && (
        <>
          <NavGroup title={vi.plans.navGroup} />
          <NavItem to="/ke-hoach" end label={vi.plans.navList} icon={<IconClipboardList size={18} aria-hidden />} />
          <NavItem to="/ke-hoach/viec-cua-don-vi" label={vi.plans.navUnitTasks} icon={<IconChecklist size={18} aria-hidden />} />
          <NavItem to="/ke-hoach/qua-han" label={vi.planOccurrences.navOverdue} icon={<IconAlertTriangle size={18} aria-hidden />} />
          <NavItem to="/ke-hoach/lich" label={vi.planOccurrences.navCalendar} icon={<IconCalendarDue size={18} aria-hidden />} />
          <NavItem to="/ke-hoach/tong-hop" label={vi.planOccurrences.navRollup} icon={<IconChartBar size={18} aria-hidden />} />
        </>
      )}
      {/* On phones the header has no room for the public links. */}
      <Stack gap={4} hiddenFrom="md">
        <NavGroup title={vi.common.nav.publicSite} />
        <NavItem to="/" end label={vi.common.nav.home} icon={<IconHome size={18} aria-hidden />} />
        <NavItem to="/thu-tuc" label={vi.common.nav.procedures} icon={<IconFileSearch size={18} aria-hidden />} />
        <NavItem to="/thong-ke" label={vi.monitoring.nav.publicStatistics} icon={<IconChartBar size={18} aria-hidden />} />
      </Stack>
    </Stack>
  );
}

import { NavLink as MantineNavLink, Stack, Text } from '@mantine/core';
import {
  IconBook,
  IconBuildingBank,
  IconBuildingCommunity,
  IconCalculator,
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
  IconLayoutDashboard,
  IconLicense,
  IconListDetails,
  IconMailForward,
  IconReport,
  IconTargetArrow,
  IconUsers,
  IconVocabulary,
} from '@tabler/icons-react';
import type { SessionUser } from '../../../../src/contract/auth';
import type { Role } from '../../../../src/contract/enums';
import { DOSSIER_READERS, hasRole, STAFF_ROLES } from '../../api/auth';
import { vi } from '../../i18n/vi';
import { Tag } from '../tag';
import { NavItem } from './nav-item';

const m = vi.staff.nav;
const REPORT_ROLES: Role[] = ['division_head', 'unit_leader', 'provincial_office', 'procedure_controller', 'admin'];

function NavGroup({ title }: { title: string }) {
  return (
    <Text size="xs" fw={700} tt="uppercase" c="gray.7" mt="md" px="sm">
      {title}
    </Text>
  );
}

/** A later capability, shown so people know it is coming; it cannot be opened. */
function UpcomingItem({ label, icon }: { label: string; icon: React.ReactNode }) {
  return (
    <MantineNavLink
      component="div"
      label={label}
      leftSection={icon}
      rightSection={
        <Tag tone="gray" size="sm">
          {m.comingSoon}
        </Tag>
      }
      aria-disabled
      c="gray.7"
      style={{ cursor: 'default' }}
    />
  );
}

export function StaffNav({ user }: { user: SessionUser }) {
  const isAdmin = hasRole(user, 'admin');
  const isController = !isAdmin && hasRole(user, 'procedure_controller');
  const upcoming = [
    hasRole(user, ...REPORT_ROLES) && <UpcomingItem key="reports" label={m.reports} icon={<IconChartBar size={18} aria-hidden />} />,
  ].filter(Boolean);

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
        </>
      )}
      {upcoming.length > 0 && <NavGroup title={m.upcomingGroup} />}
      {upcoming}
      {/* On phones the header has no room for the public links. */}
      <Stack gap={4} hiddenFrom="md">
        <NavGroup title={vi.common.nav.publicSite} />
        <NavItem to="/" end label={vi.common.nav.home} icon={<IconHome size={18} aria-hidden />} />
        <NavItem to="/thu-tuc" label={vi.common.nav.procedures} icon={<IconFileSearch size={18} aria-hidden />} />
      </Stack>
    </Stack>
  );
}

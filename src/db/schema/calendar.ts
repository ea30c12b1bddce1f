import { sql } from 'drizzle-orm';
import { boolean, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { announcementKinds, holidayGroups } from '../../contract/enums';

/** Yearly announcements entered by administrators: extra days off and make-up working days. */
export const calendarAnnouncements = pgTable('calendar_announcements', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  date: date('date').notNull().unique(),
  kind: text('kind', { enum: announcementKinds }).notNull(),
  name: text('name').notNull(),
  basis: text('basis'),
  /** Holiday group (e.g. 'tet') whose computed days this announced arrangement replaces; null for a one-off day. */
  replaces: text('replaces', { enum: holidayGroups }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A year whose announced list of days off is complete replaces the computed defaults for that year. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  isAnnouncedListComplete: boolean('is_announced_list_complete').notNull().default(false),
  note: text('note'),
});

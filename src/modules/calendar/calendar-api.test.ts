import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

describe.each(testBackends())('working-time calendar API on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: { procedureCodes: [] } });
  });
  afterAll(() => t?.close());

  const due = async (from: string, amount: number, unit = 'working_days') => {
    const response = await t.app.inject({ url: '/api/calendar/due', query: { from, amount: String(amount), unit } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().due as string;
  };

  it('skips Tết 2026: 3 working days from 12/2 fall due on 24/2', async () => {
    expect(await due('2026-02-12T09:00+07:00', 3)).toBe('2026-02-24T17:30:00+07:00');
  });

  it('skips Giỗ Tổ on Sunday 26/4/2026 (Monday off), 30/4 and 1/5', async () => {
    expect(await due('2026-04-24T09:00+07:00', 3)).toBe('2026-05-04T17:30:00+07:00');
  });

  it('counts a receipt after working hours from the next working day', async () => {
    expect(await due('2026-03-06T18:00+07:00', 1)).toBe('2026-03-10T17:30:00+07:00');
    expect(await due('2026-03-06T11:00Z', 1)).toBe('2026-03-10T17:30:00+07:00');
  });

  it('adds working hours across the lunch break and the weekend', async () => {
    expect(await due('2026-03-06T16:30+07:00', 4, 'working_hours')).toBe('2026-03-09T11:00:00+07:00');
  });

  it('rejects malformed instants and amounts with 422', async () => {
    for (const query of [
      { from: '2026-02-30T09:00', amount: '3', unit: 'working_days' },
      { from: 'hôm nay', amount: '3', unit: 'working_days' },
      { from: '2026-02-12T09:00+07:00', amount: '1e999', unit: 'working_days' },
      { from: '2026-02-12T09:00+07:00', amount: 'Infinity', unit: 'working_days' },
      { from: '2026-02-12T09:00+07:00', amount: '3', unit: 'weeks' },
    ]) {
      const response = await t.app.inject({ url: '/api/calendar/due', query });
      expect(response.statusCode, JSON.stringify(query)).toBe(422);
      expect(response.json().error.code).toBe('validation_failed');
    }
  });

  it('shows a year with announced and computed days', async () => {
    const response = await t.app.inject({ url: '/api/calendar/years/2026' });
    expect(response.statusCode).toBe(200);
    const year = response.json();
    expect(year.isAnnouncedListComplete).toBe(true);
    const byDate = new Map(year.days.map((day: { date: string }) => [day.date, day]));
    expect(byDate.get('2026-01-10')).toMatchObject({ isWorking: true, kind: 'working_day', source: 'announced' });
    expect(byDate.get('2026-02-17')).toMatchObject({ isWorking: false, kind: 'holiday', source: 'announced' });
    expect(byDate.get('2026-01-02')).toMatchObject({ isWorking: false, kind: 'day_off', source: 'announced' });
    expect(byDate.get('2026-11-24')).toMatchObject({ isWorking: false });
    const computedYear = (await t.app.inject({ url: '/api/calendar/years/2030' })).json();
    expect(computedYear.days.every((day: { source: string }) => day.source === 'computed')).toBe(true);
    expect(computedYear.days.some((day: { date: string }) => day.date === '2030-09-02')).toBe(true);
  });

  it('lets the administrator announce a day off that moves due dates at once', async () => {
    const admin = await t.login('admin');
    const before = await due('2027-03-08T09:00+07:00', 1);
    expect(before).toBe('2027-03-09T17:30:00+07:00');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/announcements',
      headers: admin,
      payload: { date: '2027-03-09', kind: 'day_off', name: 'Nghỉ bù theo thông báo', basis: 'Thông báo số 1/TB-UBND' },
    });
    expect(created.statusCode).toBe(201);
    expect(await due('2027-03-08T09:00+07:00', 1)).toBe('2027-03-10T17:30:00+07:00');
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/announcements',
      headers: admin,
      payload: { date: '2027-03-09', kind: 'day_off', name: 'Lần hai' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toBe('Ngày 09/03/2027 đã có thông báo.');
    const saturdayOff = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/announcements',
      headers: admin,
      payload: { date: '2027-03-13', kind: 'day_off', name: 'Sai' },
    });
    expect(saturdayOff.statusCode).toBe(422);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/calendar/announcements/${created.json().id}`, headers: admin });
    expect(removed.statusCode).toBe(204);
    expect(await due('2027-03-08T09:00+07:00', 1)).toBe(before);
  });

  it('lets the administrator change working sessions; others may not', async () => {
    const desk = await t.login('tiepnhan');
    const forbidden = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/sessions',
      headers: desk,
      payload: { sessions: [{ start: '07:30', end: '11:30' }] },
    });
    expect(forbidden.statusCode).toBe(403);
    const admin = await t.login('admin');
    const invalid = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/sessions',
      headers: admin,
      payload: { sessions: [{ start: '13:00', end: '12:00' }] },
    });
    expect(invalid.statusCode).toBe(422);
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/sessions',
      headers: admin,
      payload: {
        sessions: [
          { start: '07:30', end: '11:30' },
          { start: '13:30', end: '17:30' },
        ],
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(await due('2026-03-09T09:00+07:00', 1)).toBe('2026-03-10T17:30:00+07:00');
    expect(await due('2026-03-09T07:45+07:00', 1, 'working_hours')).toBe('2026-03-09T08:45:00+07:00');
    await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/sessions',
      headers: admin,
      payload: {
        sessions: [
          { start: '08:00', end: '12:00' },
          { start: '13:30', end: '17:30' },
        ],
      },
    });
  });
});

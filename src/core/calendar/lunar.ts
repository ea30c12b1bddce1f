/**
 * Vietnamese lunar calendar, after Hồ Ngọc Đức's published algorithm
 * (https://www.informatik.uni-leipzig.de/~duc/amlich/, also npm `amlich`).
 *
 * Month starts are the local calendar day of the astronomical new moon, and the winter
 * solstice fixes month 11. Both depend on the time zone. Vietnam uses UTC+7: a converter
 * working in UTC puts Giỗ Tổ 2027 on 15/4 instead of 16/4 (new moon 2027-04-06 23:51 UTC is
 * 7/4 in Hanoi), and the Chinese calendar (UTC+8) starts Tết 2030 on 3/2 instead of 2/2.
 * The public functions are therefore fixed to UTC+7; the zone parameter of the inner
 * functions exists only so a test can show that the zone matters.
 *
 * Hand-written (docs/adr/0003-lunar-calendar.md): the well-kept lunar libraries on npm compute
 * the Chinese calendar (UTC+8), the Vietnamese ones are single releases that take the zone from
 * the machine, declare no licence or ship obfuscated code. The algorithm's accuracy is
 * documented for 1800–2199; we accept 1900–2199.
 */
import { type CivilDate, civilFromDayNumber, dayNumberFromCivil } from './dates';

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  isLeapMonth: boolean;
}

export const VIETNAM_TIME_ZONE_HOURS = 7;
export const MIN_LUNAR_YEAR = 1900;
export const MAX_LUNAR_YEAR = 2199;

const JULIAN_DAY_OF_UNIX_EPOCH = 2_440_588;
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_EPOCH = 2_415_021.076998695; // new moon of 1900-01-01, the series' k = 0
const DEGREE = Math.PI / 180;

export function solarToLunar(year: number, month: number, day: number): LunarDate {
  return convertSolarToLunar(year, month, day, VIETNAM_TIME_ZONE_HOURS);
}

export function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number, isLeapMonth = false): CivilDate {
  return convertLunarToSolar(lunarYear, lunarMonth, lunarDay, isLeapMonth, VIETNAM_TIME_ZONE_HOURS);
}

/** Julian day (fractional) of the k-th new moon after 1900-01-01 (Meeus, low precision). */
function newMoonJulianDay(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEGREE);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const sin = (degrees: number) => Math.sin(degrees * DEGREE);
  let correction = (0.1734 - 0.000393 * t) * sin(sunAnomaly) + 0.0021 * sin(2 * sunAnomaly);
  correction += -0.4068 * sin(moonAnomaly) + 0.0161 * sin(2 * moonAnomaly);
  correction += -0.0004 * sin(3 * moonAnomaly);
  correction += 0.0104 * sin(2 * latitude) - 0.0051 * sin(sunAnomaly + moonAnomaly);
  correction += -0.0074 * sin(sunAnomaly - moonAnomaly) + 0.0004 * sin(2 * latitude + sunAnomaly);
  correction += -0.0004 * sin(2 * latitude - sunAnomaly) - 0.0006 * sin(2 * latitude + moonAnomaly);
  correction += 0.001 * sin(2 * latitude - moonAnomaly) + 0.0005 * sin(2 * moonAnomaly + sunAnomaly);
  const deltaT =
    t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + correction - deltaT;
}

/** Sun's ecliptic longitude at local midnight, as one of 12 sectors of 30° (0 = 0°–30°). */
function sunLongitudeSector(julianDay: number, timeZone: number): number {
  const t = (julianDay - 0.5 - timeZone / 24 - 2451545.0) / 36525;
  const t2 = t * t;
  const meanAnomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let center = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEGREE * meanAnomaly);
  center += (0.019993 - 0.000101 * t) * Math.sin(DEGREE * 2 * meanAnomaly);
  center += 0.00029 * Math.sin(DEGREE * 3 * meanAnomaly);
  let longitude = (meanLongitude + center) * DEGREE;
  longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
  return Math.floor((longitude / Math.PI) * 6);
}

/** Local calendar day (as a Julian day number) on which the k-th new moon falls. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoonJulianDay(k) + 0.5 + timeZone / 24);
}

/** Start of lunar month 11 (the month containing the winter solstice) of a solar year. */
function lunarMonth11Start(solarYear: number, timeZone: number): number {
  const offset = julianDayFromCivil(solarYear, 12, 31) - 2415021;
  const k = Math.floor(offset / SYNODIC_MONTH);
  const candidate = newMoonDay(k, timeZone);
  // A month that starts after the sun passed 270° cannot contain the solstice.
  return sunLongitudeSector(candidate, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : candidate;
}

/** Months after month 11 until the first month without a major solar term (the leap month). */
function leapMonthOffset(month11Start: number, timeZone: number): number {
  const k = Math.floor((month11Start - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let index = 1;
  let sector = sunLongitudeSector(newMoonDay(k + index, timeZone), timeZone);
  let previous: number;
  do {
    previous = sector;
    index += 1;
    sector = sunLongitudeSector(newMoonDay(k + index, timeZone), timeZone);
  } while (sector !== previous && index < 14);
  return index - 1;
}

export function convertSolarToLunar(year: number, month: number, day: number, timeZone: number): LunarDate {
  assertYearInRange(year, 'Solar year');
  const dayJulian = julianDayFromCivil(year, month, day);
  const k = Math.floor((dayJulian - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, timeZone);
  if (monthStart > dayJulian) monthStart = newMoonDay(k, timeZone);
  let month11 = lunarMonth11Start(year, timeZone);
  let nextMonth11 = month11;
  let lunarYear: number;
  if (month11 >= monthStart) {
    lunarYear = year;
    month11 = lunarMonth11Start(year - 1, timeZone);
  } else {
    lunarYear = year + 1;
    nextMonth11 = lunarMonth11Start(year + 1, timeZone);
  }
  const monthsSince11 = Math.floor((monthStart - month11) / 29);
  let lunarMonth = monthsSince11 + 11;
  let isLeapMonth = false;
  if (nextMonth11 - month11 > 365) {
    const leapOffset = leapMonthOffset(month11, timeZone);
    if (monthsSince11 >= leapOffset) {
      lunarMonth = monthsSince11 + 10;
      isLeapMonth = monthsSince11 === leapOffset;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && monthsSince11 < 4) lunarYear -= 1;
  return { year: lunarYear, month: lunarMonth, day: dayJulian - monthStart + 1, isLeapMonth };
}

export function convertLunarToSolar(
  lunarYear: number,
  lunarMonth: number,
  lunarDay: number,
  isLeapMonth: boolean,
  timeZone: number,
): CivilDate {
  assertYearInRange(lunarYear, 'Lunar year');
  assertIntegerBetween(lunarMonth, 1, 12, 'Lunar month');
  assertIntegerBetween(lunarDay, 1, 30, 'Lunar day');
  const firstYear = lunarMonth < 11 ? lunarYear - 1 : lunarYear;
  const month11 = lunarMonth11Start(firstYear, timeZone);
  const nextMonth11 = lunarMonth11Start(firstYear + 1, timeZone);
  const k = Math.floor(0.5 + (month11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = (lunarMonth - 11 + 12) % 12;
  const hasLeapMonth = nextMonth11 - month11 > 365;
  const leapOffset = hasLeapMonth ? leapMonthOffset(month11, timeZone) : -1;
  // Offset 1 after month 11 is a leap 11th month, offset 2 a leap 12th, offset 3 a leap 1st…
  const leapMonth = hasLeapMonth ? ((leapOffset + 9) % 12) + 1 : 0;
  if (isLeapMonth && lunarMonth !== leapMonth) {
    throw new RangeError(`Lunar year ${lunarYear} has no leap month ${lunarMonth}`);
  }
  if (hasLeapMonth && (isLeapMonth || offset >= leapOffset)) offset += 1;
  const monthStart = newMoonDay(k + offset, timeZone);
  const monthLength = newMoonDay(k + offset + 1, timeZone) - monthStart;
  if (lunarDay > monthLength) {
    throw new RangeError(`Lunar month ${lunarMonth}/${lunarYear} has only ${monthLength} days`);
  }
  return civilFromJulianDay(monthStart + lunarDay - 1);
}

function julianDayFromCivil(year: number, month: number, day: number): number {
  return dayNumberFromCivil(year, month, day) + JULIAN_DAY_OF_UNIX_EPOCH;
}

function civilFromJulianDay(julianDay: number): CivilDate {
  return civilFromDayNumber(julianDay - JULIAN_DAY_OF_UNIX_EPOCH);
}

function assertYearInRange(year: number, label: string): void {
  assertIntegerBetween(year, MIN_LUNAR_YEAR, MAX_LUNAR_YEAR, label);
}

function assertIntegerBetween(value: number, min: number, max: number, label: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${label} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

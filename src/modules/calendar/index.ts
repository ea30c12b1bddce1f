export { computeDue, getWorkCalendar } from './service';

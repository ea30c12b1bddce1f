export * from './audit';
export * from './auth';
export * from './calendar';
export * from './catalog';
export * from './org';
export * from './reform';
export * from './search';
export * from './settings';

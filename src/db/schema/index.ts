export * from './audit';
export * from './auth';
export * from './calendar';
export * from './catalog';
export * from './org';
export * from './reform';
export * from './catalog-search';
export * from './settings';

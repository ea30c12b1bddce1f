export * from './audit';
export * from './auth';
export * from './calendar';
export * from './catalog';
export * from './files';
export * from './org';
export * from './reform';
export * from './settings';

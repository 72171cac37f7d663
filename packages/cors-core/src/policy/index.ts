export * from './schema';
export * from './middleware';
export * from './answer';
export * from './server-answer';
export * from './explain-policy';
export * from './suggest-policy';
export * from './export/index';

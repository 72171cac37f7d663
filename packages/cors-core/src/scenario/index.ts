export * from './header-syntax';
export * from './limits';
export * from './placeholders';
export * from './routes';
export * from './schema';
export * from './validate';
export * from './filled-expect';

export * from './grouping.ts';
export * from './interval.ts';
export * from './metrics.ts';
export * from './ref.ts';
export * from './stats.ts';

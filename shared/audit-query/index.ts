export * from './ast.ts';
export * from './fields.ts';
export * from './ip-value.ts';
export * from './parse.ts';
export * from './time-value.ts';
export * from './edit.ts';

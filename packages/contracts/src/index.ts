export * from './identity.ts';
export * from './text.ts';
export * from './account.ts';
export * from './catalogue.ts';
export * from './inquiry.ts';
export * from './errors.ts';
export * from './orders.ts';
export * from './chat.ts';

export type * from './document';
export type * from './items';

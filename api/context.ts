import type { ServiceContext } from '../shared/context';

/** The clients and services one API process builds at start and hands to its routes. */
export type ApiContext = ServiceContext;

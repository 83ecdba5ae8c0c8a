import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../shared/clock.ts';
import type { RpcMethods } from '../workers/rpc/protocol.ts';
import type { Handlers } from '../workers/rpc/serve-worker.ts';

/**
 * A domain's reads of cached data (audit, queues, …): its methods, named `<domain>.<query>`, and
 * how to answer them over a read-only connection. A source's reader thread serves every module.
 */
export interface QueryModule<M extends RpcMethods> {
  methods: M;
  open(db: Database, clock: Clock): Handlers<M>;
}

export function queryModule<M extends RpcMethods>(methods: M, open: (db: Database, clock: Clock) => Handlers<M>): QueryModule<M> {
  return { methods, open };
}

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;
type MethodsOf<T extends readonly QueryModule<RpcMethods>[]> = UnionToIntersection<T[number]['methods']> & RpcMethods;

/** Several domains' modules as one, for one reader thread to serve. */
export function combineQueryModules<T extends readonly QueryModule<RpcMethods>[]>(modules: T): QueryModule<MethodsOf<T>> {
  return {
    methods: Object.assign({}, ...modules.map((module) => module.methods)) as MethodsOf<T>,
    open: (db, clock) => Object.assign({}, ...modules.map((module) => module.open(db, clock))) as Handlers<MethodsOf<T>>,
  };
}

import type { DataViewId } from '../../../shared/data-views.ts';

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;

/** What every data view's entry of a table keyed by view gives, as one object (a view not built yet gives {}). */
export type MergedByView<T extends Record<DataViewId, object>> = UnionToIntersection<T[DataViewId]>;

export function mergeByView<T extends Record<DataViewId, object>>(table: T): MergedByView<T> {
  return Object.assign({}, ...Object.values(table)) as MergedByView<T>;
}

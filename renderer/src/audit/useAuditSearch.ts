import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditRow, AuditSearchResult, SourceId } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';

const pageSize = 200;

export interface AuditSearchState {
  loading: boolean;
  failure: string | null;
  rows: AuditRow[];
  result: AuditSearchResult | null;
  /** The query the current rows answer: views that follow the results (facets, histogram) ask after the rows. */
  answeredQ: string | null;
  loadMore(): void;
}

/**
 * The rows of a query over a source, newest first, a keyset page at a time; refreshed when
 * the sync adds events or a verification marks some altered. Answers to older queries that
 * arrive late are dropped.
 */
export function useAuditSearch(q: string, source: SourceId | undefined): AuditSearchState {
  const { api, on } = useConsole();
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [result, setResult] = useState<AuditSearchResult | null>(null);
  const [answeredQ, setAnsweredQ] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const generation = useRef(0);
  const loadingMore = useRef(false);
  const [refreshes, setRefreshes] = useState(0);

  useEffect(() => {
    const mine = ++generation.current;
    setLoading(true);
    api['audit/search']({ q, source, limit: pageSize, withTotal: true }).then(
      (answer) => {
        if (mine !== generation.current) return;
        setResult(answer);
        setAnsweredQ(q);
        setRows(answer.rows);
        setFailure(null);
        setLoading(false);
      },
      (error: Error) => {
        if (mine !== generation.current) return;
        setFailure(error.message);
        setLoading(false);
      },
    );
  }, [api, q, source, refreshes]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribeCache = on('cache/changed', ({ resource }) => {
      if (resource !== 'audit' || timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        setRefreshes((count) => count + 1);
      }, 2_000);
    });
    const unsubscribeSources = on('sources/changed', () => setRefreshes((count) => count + 1));
    return () => {
      unsubscribeCache();
      unsubscribeSources();
      if (timer !== null) clearTimeout(timer);
    };
  }, [on]);

  const loadMore = useCallback(() => {
    const beforeSeq = result?.nextBeforeSeq;
    if (beforeSeq == null || loadingMore.current) return;
    loadingMore.current = true;
    const mine = generation.current;
    api['audit/search']({ q, source, beforeSeq, limit: pageSize, withTotal: false }).then(
      (answer) => {
        loadingMore.current = false;
        if (mine !== generation.current) return;
        setRows((current) => [...current, ...answer.rows]);
        setResult((current) =>
          current ? { ...current, nextBeforeSeq: answer.nextBeforeSeq, alteredSeqs: [...current.alteredSeqs, ...answer.alteredSeqs] } : answer,
        );
      },
      (error: Error) => {
        loadingMore.current = false;
        setFailure(error.message);
      },
    );
  }, [api, q, source, result?.nextBeforeSeq]);

  return { loading, failure, rows, result, answeredQ, loadMore };
}

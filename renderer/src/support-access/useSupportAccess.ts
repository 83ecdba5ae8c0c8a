import { useCallback, useEffect, useState } from 'react';
import type { SupportAccess, SupportAccessView, SupportReason } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';

export type SupportAccessState =
  | { status: 'loading' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'ready'; view: SupportAccessView };

/**
 * The active profile's access to one tenant, kept current: re-read when an access changes state
 * (queued → logged), when the profile changes, when the event stream reconnects, and when the
 * access runs out (the main side decides it has, by its clock).
 */
export function useSupportAccess(tenant: { id: string; name: string }) {
  const { api, on, onConnect } = useConsole();
  const [state, setState] = useState<SupportAccessState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((count) => count + 1), []);

  useEffect(() => {
    let live = true;
    api['supportAccess/get']({ tenantId: tenant.id }).then(
      (view) => live && setState({ status: 'ready', view }),
      (failure: Error) => live && setState({ status: 'error', message: failure.message, retry: reload }),
    );
    return () => {
      live = false;
    };
  }, [api, tenant.id, attempt, reload]);

  useEffect(() => {
    const offChanged = on('supportAccess/changed', (access) => {
      if (access.tenantId === tenant.id) reload();
    });
    const offProfiles = on('profiles/changed', reload);
    const offConnect = onConnect(reload);
    return () => {
      offChanged();
      offProfiles();
      offConnect();
    };
  }, [on, onConnect, tenant.id, reload]);

  const open = useCallback(
    async (reason: SupportReason | null): Promise<SupportAccess> => {
      const access = await api['supportAccess/open']({ tenantId: tenant.id, tenantName: tenant.name, reason });
      reload();
      return access;
    },
    [api, tenant.id, tenant.name, reload],
  );

  return { state, open, reload };
}

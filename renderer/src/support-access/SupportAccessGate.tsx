import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { routeHref } from '../app/route.ts';
import { SupportAccessBanner } from './SupportAccessBanner.tsx';
import { SupportReasonModal } from './SupportReasonModal.tsx';
import { useSupportAccess } from './useSupportAccess.ts';

export interface SupportAccessGateProps {
  tenant: { id: string; name: string };
  children: ReactNode;
}

/**
 * Wraps a tenant's page: asks for a reason the first time in a session (per tenant and
 * profile) and shows the page only once the access is logged or queued, under a banner that
 * says so and counts down. Cancel goes back to the tenant directory.
 */
export function SupportAccessGate({ tenant, children }: SupportAccessGateProps) {
  const { state, open, reload } = useSupportAccess(tenant);
  const autoOpened = useRef<string | null>(null);
  const view = state.status === 'ready' ? state.view : null;
  const needsAutoOpen = view !== null && view.access === null && !view.promptRequired;

  // A profile with the prompt off still logs the access, without asking why.
  useEffect(() => {
    if (!needsAutoOpen || autoOpened.current === tenant.id) return;
    autoOpened.current = tenant.id;
    open(null).catch(() => reload());
  }, [needsAutoOpen, tenant.id, open, reload]);

  if (state.status === 'loading' || needsAutoOpen) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Checking support access" />
      </Center>
    );
  }
  if (state.status === 'error') {
    return (
      <Alert color="red" title="Cannot check support access" m="md">
        <Stack gap="xs" align="flex-start">
          {state.message}
          <Button size="xs" variant="light" onClick={state.retry}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  const { access, durationMinutes } = state.view;
  if (access === null || access.state === 'failed') {
    return (
      <>
        {access !== null && <SupportAccessBanner access={access} onExpired={reload} />}
        <SupportReasonModal
          tenantName={tenant.name}
          durationMinutes={durationMinutes}
          onSubmit={open}
          onCancel={() => {
            window.location.hash = routeHref('tenants');
          }}
        />
      </>
    );
  }
  return (
    <Stack gap="sm">
      <SupportAccessBanner access={access} onExpired={reload} />
      {children}
    </Stack>
  );
}

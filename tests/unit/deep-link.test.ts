import { describe, expect, it } from 'vitest';
import { auditDeepLink, deepLinkOf, deepLinkRoute } from '../../shared/deep-link.ts';
import type { DeepLinkTarget } from '../../shared/deep-link.ts';

describe('opsdeck:// links', () => {
  it('open the audit view with the query and source they carry', () => {
    expect(deepLinkRoute('opsdeck://audit?q=actor%3Aana%40acme.io%20action%3Ainvoice.*')).toBe('#/audit?q=actor%3Aana%40acme.io+action%3Ainvoice.*');
    expect(deepLinkRoute('opsdeck://audit?q=x&source=import:q3-audit')).toBe('#/audit?q=x&source=import%3Aq3-audit');
    expect(deepLinkRoute('opsdeck://audit')).toBe('#/audit');
    expect(deepLinkRoute('opsdeck:///audit?q=a')).toBe('#/audit?q=a');
  });

  it('open one tenant, queue or connection', () => {
    expect(deepLinkRoute('opsdeck://tenant/ten_8Kd2')).toBe('#/tenants/ten_8Kd2');
    expect(deepLinkRoute('opsdeck://queue/billing%3Ainvoices')).toBe('#/queues/billing%3Ainvoices');
    expect(deepLinkRoute('opsdeck://connection/conn_41')).toBe('#/connectors/connection/conn_41');
  });

  it('open a whole view with the filters it keeps, and drop any other parameter', () => {
    expect(deepLinkRoute('opsdeck://home')).toBe('#/home');
    expect(deepLinkRoute('opsdeck://billing?currency=eur&x=1')).toBe('#/billing?currency=eur');
    expect(deepLinkRoute('opsdeck://connectors?status=failing&connector=con_1')).toBe('#/connectors?connector=con_1&status=failing');
    expect(deepLinkRoute('/tenants?q=acme')).toBe('#/tenants');
    const billing: DeepLinkTarget = { kind: 'view', view: 'billing', params: { currency: 'gbp' } };
    expect(deepLinkOf(billing)).toBe('opsdeck://billing?currency=gbp');
    expect(deepLinkRoute(deepLinkOf(billing))).toBe('#/billing?currency=gbp');
    expect(deepLinkOf({ kind: 'view', view: 'queues', params: {} })).toBe('opsdeck://queues');
  });

  it('are taken from the path of a web host URL the same way', () => {
    expect(deepLinkRoute('/tenant/ten_8Kd2')).toBe('#/tenants/ten_8Kd2');
    expect(deepLinkRoute('/queue/emails')).toBe('#/queues/emails');
    expect(deepLinkRoute('/connection/conn_41')).toBe('#/connectors/connection/conn_41');
    expect(deepLinkRoute('/audit?q=outcome%3Adenied')).toBe('#/audit?q=outcome%3Adenied');
    expect(deepLinkRoute('/')).toBeNull();
    expect(deepLinkRoute('/assets/index.js')).toBeNull();
  });

  it('round-trip through the link the app copies', () => {
    const q = 'tenant:acme -outcome:success "plan changed" after:7d';
    const route = deepLinkRoute(auditDeepLink(q, 'profile:demo'))!;
    const params = new URLSearchParams(route.split('?')[1]);
    expect(params.get('q')).toBe(q);
    expect(params.get('source')).toBe('profile:demo');
    const targets: DeepLinkTarget[] = [
      { kind: 'tenant', id: 'ten_a/b c' },
      { kind: 'queue', name: 'reports:daily #2' },
      { kind: 'connection', id: 'conn_1' },
    ];
    expect(targets.map((target) => deepLinkRoute(deepLinkOf(target)))).toEqual(['#/tenants/ten_a%2Fb%20c', '#/queues/reports%3Adaily%20%232', '#/connectors/connection/conn_1']);
  });

  it('ignore other schemes, unknown kinds, extra segments, bad sources and oversized values', () => {
    expect(deepLinkRoute('https://audit?q=a')).toBeNull();
    expect(deepLinkRoute('https://example.com/tenant/ten_1')).toBeNull();
    expect(deepLinkRoute('opsdeck://settings')).toBeNull();
    expect(deepLinkRoute('opsdeck://toString')).toBeNull();
    expect(deepLinkRoute('opsdeck://billing/extra')).toBeNull();
    expect(deepLinkRoute(`opsdeck://billing?currency=${'x'.repeat(201)}`)).toBe('#/billing');
    expect(deepLinkRoute('opsdeck://tenant')).toBeNull();
    expect(deepLinkRoute('opsdeck://tenant/a/b')).toBeNull();
    expect(deepLinkRoute('opsdeck://audit/extra')).toBeNull();
    expect(deepLinkRoute(`opsdeck://queue/${'q'.repeat(201)}`)).toBeNull();
    expect(deepLinkRoute('opsdeck://tenant/%E0%A4%A')).toBeNull();
    expect(deepLinkRoute('not a url')).toBeNull();
    expect(deepLinkRoute(`opsdeck://audit?q=${'a'.repeat(2_001)}`)).toBeNull();
    expect(deepLinkRoute('opsdeck://audit?q=a&source=../../etc/passwd')).toBe('#/audit?q=a');
  });
});

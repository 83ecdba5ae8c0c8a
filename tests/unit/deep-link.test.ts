import { describe, expect, it } from 'vitest';
import { auditDeepLink, deepLinkRoute, routeFromArgs } from '../../shared/deep-link.ts';

describe('opsdeck:// links', () => {
  it('open the audit view with the query and source they carry', () => {
    expect(deepLinkRoute('opsdeck://audit?q=actor%3Aana%40acme.io%20action%3Ainvoice.*')).toBe('#/audit?q=actor%3Aana%40acme.io+action%3Ainvoice.*');
    expect(deepLinkRoute('opsdeck://audit?q=x&source=import:q3-audit')).toBe('#/audit?q=x&source=import%3Aq3-audit');
    expect(deepLinkRoute('opsdeck://audit')).toBe('#/audit');
    expect(deepLinkRoute('opsdeck:///audit?q=a')).toBe('#/audit?q=a');
  });

  it('round-trip through the link the app copies', () => {
    const q = 'tenant:acme -outcome:success "plan changed" after:7d';
    const route = deepLinkRoute(auditDeepLink(q, 'profile:demo'))!;
    const params = new URLSearchParams(route.split('?')[1]);
    expect(params.get('q')).toBe(q);
    expect(params.get('source')).toBe('profile:demo');
  });

  it('ignore other schemes, unknown sections, bad sources and oversized queries', () => {
    expect(deepLinkRoute('https://audit?q=a')).toBeNull();
    expect(deepLinkRoute('opsdeck://settings')).toBeNull();
    expect(deepLinkRoute('not a url')).toBeNull();
    expect(deepLinkRoute(`opsdeck://audit?q=${'a'.repeat(2_001)}`)).toBeNull();
    expect(deepLinkRoute('opsdeck://audit?q=a&source=../../etc/passwd')).toBe('#/audit?q=a');
  });

  it('are found among the arguments a second instance receives', () => {
    expect(routeFromArgs(['/opt/Opsdeck/opsdeck', '--no-sandbox', 'opsdeck://audit?q=outcome%3Adenied'])).toBe('#/audit?q=outcome%3Adenied');
    expect(routeFromArgs(['/opt/Opsdeck/opsdeck', 'opsdeck://nowhere', '--flag'])).toBeNull();
  });
});

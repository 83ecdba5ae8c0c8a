import type { TenantStatus } from '../../shared/ops-api/index.ts';
import type { Plan } from './catalog.ts';
import { companyFirst, companySecond, companySuffix, firstNames, lastNames, plans, regions, roles } from './catalog.ts';
import type { Random } from './random.ts';
import { dayMs, monthOf, monthStart } from './time.ts';

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: (typeof roles)[number];
}

export interface MrrMonth {
  /** Start of the month, ms. */
  start: number;
  month: string;
  plan: Plan;
  mrr_cents: number;
}

export interface DemoTenant {
  id: string;
  name: string;
  slug: string;
  domain: string;
  status: TenantStatus;
  region: string;
  /** ISO 4217, lower case: what it is billed in. */
  currency: string;
  plan: Plan;
  seats_used: number;
  mrr_cents: number;
  created_ms: number;
  /** When it stopped paying (churned, suspended), else null. */
  ended_ms: number | null;
  trial_end_ms: number | null;
  users: DemoUser[];
  /** One entry per month from creation to now, the latest last. */
  history: MrrMonth[];
}

const statusWeights: ReadonlyArray<readonly [TenantStatus, number]> = [
  ['active', 70],
  ['trialing', 8],
  ['past_due', 8],
  ['suspended', 4],
  ['churned', 10],
];
/** Tenants are billed in their region's currency, so the demo has several that are never added up. */
const regionCurrencies: Record<(typeof regions)[number], string> = {
  'eu-north-1': 'eur',
  'eu-west-1': 'gbp',
  'eu-central-1': 'eur',
  'us-east-1': 'usd',
  'us-west-2': 'usd',
  'ap-southeast-2': 'usd',
};
const planWeights: ReadonlyArray<readonly [Plan, number]> = plans.map((plan) => [plan, { starter: 50, growth: 38, enterprise: 12 }[plan.id]] as const);

/** Tenants with their users and month-by-month MRR history up to `now`. */
export function generateTenants(random: Random, count: number, now: number): DemoTenant[] {
  const usedNames = new Set<string>();
  const tenants: DemoTenant[] = [];
  for (let index = 0; index < count; index++) {
    const name = uniqueName(random, usedNames);
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const domain = `${slug.replace(/-(ab|gmbh|ltd|inc|oy|as|bv)$/, '')}.example`;
    const status = random.weighted(statusWeights);
    const created_ms = status === 'trialing' ? now - random.int(1, 13) * dayMs - random.int(0, dayMs) : now - random.int(60, 900) * dayMs;
    const users = generateUsers(random, domain, random.int(2, 24));
    const { history, ended_ms, plan } = mrrHistory(random, status, created_ms, now);
    const id = random.id('ten_', 12);
    const region = random.pick(regions);
    tenants.push({
      id,
      name,
      slug,
      domain,
      status,
      region,
      currency: regionCurrencies[region],
      plan,
      seats_used: Math.min(users.length, plan.seats),
      mrr_cents: history.at(-1)?.mrr_cents ?? 0,
      created_ms,
      ended_ms,
      trial_end_ms: status === 'trialing' ? created_ms + 14 * dayMs : null,
      users,
      history,
    });
  }
  return tenants;
}

function uniqueName(random: Random, used: Set<string>): string {
  for (;;) {
    const name = `${random.pick(companyFirst)} ${random.pick(companySecond)}${random.pick(companySuffix)}`;
    const key = name.replace(/ (AB|GmbH|Ltd|Inc\.|Oy|AS|BV)$/, '');
    if (!used.has(key)) {
      used.add(key);
      return name;
    }
  }
}

function generateUsers(random: Random, domain: string, count: number): DemoUser[] {
  const users: DemoUser[] = [];
  const emails = new Set<string>();
  while (users.length < count) {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const email = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${domain}`;
    if (emails.has(email)) continue;
    emails.add(email);
    users.push({ id: random.id('usr_', 12), email, name: `${first} ${last}`, role: users.length === 0 ? 'owner' : random.pick(roles.slice(1)) });
  }
  return users;
}

/**
 * Month-by-month MRR: trials pay nothing, customers start on a plan, some upgrade or
 * downgrade, churned and suspended ones drop to zero, a few churn and come back.
 */
function mrrHistory(random: Random, status: TenantStatus, created: number, now: number) {
  let plan = random.weighted(planWeights);
  let mrr = priceOf(random, plan);
  const first = monthStart(created);
  const last = monthStart(now);
  const months: number[] = [];
  for (let start = first; start <= last; start = monthStart(start, 1)) months.push(start);
  const endIndex = status === 'churned' || status === 'suspended' ? Math.max(1, months.length - random.int(1, Math.min(8, months.length))) : null;
  const lapseIndex = status === 'active' && months.length > 8 && random.chance(0.08) ? random.int(3, months.length - 4) : null;
  const history: MrrMonth[] = months.map((start, index) => {
    if (index > 0 && random.chance(0.05)) {
      plan = random.chance(0.75) ? plans[Math.min(plans.indexOf(plan) + 1, plans.length - 1)]! : plans[Math.max(plans.indexOf(plan) - 1, 0)]!;
      mrr = priceOf(random, plan);
    } else if (plan.id !== 'starter' && random.chance(0.06)) {
      mrr += random.int(-2, 5) * 2_000;
      mrr = Math.max(plan.price_cents, mrr);
    }
    const lapsed = lapseIndex !== null && index >= lapseIndex && index < lapseIndex + 2;
    const ended = endIndex !== null && index >= endIndex;
    const paying = status !== 'trialing' && !lapsed && !ended;
    return { start, month: monthOf(start), plan, mrr_cents: paying ? mrr : 0 };
  });
  const ended_ms = endIndex === null ? null : Math.min(months[endIndex]! + random.int(1, 20) * dayMs, now - dayMs);
  return { history, ended_ms, plan };
}

function priceOf(random: Random, plan: Plan): number {
  return plan.id === 'enterprise' ? plan.price_cents + random.int(0, 40) * 10_000 : plan.price_cents;
}

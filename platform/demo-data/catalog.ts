// Static vocabulary of the demo platform: plans, regions, names.

export interface Plan {
  id: 'starter' | 'growth' | 'enterprise';
  name: string;
  /** Monthly price in cents; Enterprise adds a negotiated amount on top. */
  price_cents: number;
  seats: number;
  api_calls: number;
  storage_gb: number;
}

export const plans: readonly Plan[] = [
  { id: 'starter', name: 'Starter', price_cents: 4_900, seats: 5, api_calls: 50_000, storage_gb: 10 },
  { id: 'growth', name: 'Growth', price_cents: 29_900, seats: 25, api_calls: 1_000_000, storage_gb: 200 },
  { id: 'enterprise', name: 'Enterprise', price_cents: 149_900, seats: 250, api_calls: 25_000_000, storage_gb: 5_000 },
];

export function planById(id: string): Plan {
  const plan = plans.find((candidate) => candidate.id === id);
  if (plan === undefined) throw new Error(`unknown plan '${id}'`);
  return plan;
}

export const regions = ['eu-north-1', 'eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-2'] as const;

export const companyFirst = [
  'Northwind', 'Bluefjord', 'Kestrel', 'Lumen', 'Alder', 'Copperline', 'Tidewater', 'Granite', 'Helix', 'Juniper',
  'Solstice', 'Brightpath', 'Fernhill', 'Oakridge', 'Polaris', 'Quillon', 'Riverbend', 'Saltmarsh', 'Vantage', 'Wildrose',
  'Arctic', 'Birchwood', 'Cobalt', 'Driftwood', 'Ember', 'Foxglove', 'Harbor', 'Ironbark', 'Kingfisher', 'Meridian',
] as const;
export const companySecond = [
  'Analytics', 'Outdoor', 'Dental', 'Logistics', 'Studios', 'Foods', 'Legal', 'Health', 'Media', 'Retail',
  'Partners', 'Labs', 'Consulting', 'Apparel', 'Travel', 'Energy', 'Interiors', 'Robotics', 'Coffee', 'Fitness',
] as const;
export const companySuffix = ['', '', '', ' AB', ' GmbH', ' Ltd', ' Inc.', ' Oy', ' AS', ' BV'] as const;

export const firstNames = [
  'Anna', 'Erik', 'Sofia', 'Liam', 'Maja', 'Noah', 'Elsa', 'Oskar', 'Priya', 'Mateo', 'Chloe', 'Jonas', 'Aisha', 'Lukas',
  'Emma', 'Hugo', 'Freja', 'Omar', 'Ingrid', 'Yuki', 'Carlos', 'Hannah', 'Felix', 'Leila', 'Nils', 'Zara', 'Daniel', 'Ida',
] as const;
export const lastNames = [
  'Lindqvist', 'Berg', 'Okafor', 'Novak', 'Johansson', 'Schmidt', 'Garcia', 'Nakamura', 'Patel', 'Dubois', 'Rossi',
  'Andersen', 'Kowalski', 'Haddad', 'Virtanen', 'Eriksson', "O'Brien", 'Moreau', 'Fischer', 'Silva', 'Holm', 'Ivanova',
] as const;

export const roles = ['owner', 'admin', 'analyst', 'editor', 'viewer', 'billing'] as const;

export const userAgents = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
] as const;
export const apiUserAgents = ['opsdeck-sdk-python/2.4.1', 'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)', 'curl/8.5.0', 'Zapier'] as const;

export const cities = [
  ['SE', 'Stockholm'], ['SE', 'Gothenburg'], ['DE', 'Berlin'], ['GB', 'London'], ['US', 'New York'], ['US', 'Austin'],
  ['NL', 'Amsterdam'], ['FI', 'Helsinki'], ['NO', 'Oslo'], ['AU', 'Sydney'], ['FR', 'Paris'], ['ES', 'Madrid'],
] as const;

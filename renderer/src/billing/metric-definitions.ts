/**
 * What each billing figure means, in ChartMogul's definitions (help.chartmogul.com: MRR
 * movements, MRR churn rate, ARPA, ARR), shown on hover next to the figure.
 */
export const metricDefinitions = {
  mrr: 'Monthly recurring revenue: what the paying tenants’ subscriptions bring in per month, as of the month’s end.',
  arr: 'Annual run rate: MRR × 12.',
  arpa: 'Average revenue per account: MRR ÷ paying tenants.',
  activeTenants: 'Tenants paying anything that month (ChartMogul’s customers). Trials and churned tenants are not counted.',
  netNew: 'Net new MRR: new business + expansion + reactivation − contraction − churn, i.e. the change from the month before.',
  new: 'New business MRR: a tenant’s MRR in the month it first pays.',
  expansion: 'Expansion MRR: any increase in an existing paying tenant’s MRR, e.g. an upgrade or more seats.',
  contraction: 'Contraction MRR: any decrease in a paying tenant’s MRR that leaves it paying, e.g. a downgrade.',
  churn: 'Churn MRR: what a tenant paid before its MRR dropped to zero.',
  reactivation: 'Reactivation MRR: a tenant that had paid and churned, paying again.',
  grossChurn: 'Gross MRR churn rate: (churn + contraction MRR) ÷ MRR at the start of the month. Expansion does not offset it.',
  netChurn:
    'Net MRR churn rate: (churn + contraction − expansion − reactivation MRR) ÷ MRR at the start of the month. Below zero is net negative churn: existing tenants grow more than they shrink. ChartMogul’s API reports only this one.',
  quickRatio:
    'Quick ratio: (new business + expansion + reactivation MRR) ÷ (churn + contraction MRR), the MRR gained for each unit lost. Above 4 is strong growth; below 1, MRR shrinks. None when nothing was lost.',
  byPlan: 'Each plan’s MRR now, from its paying tenants.',
  pastDue: 'Open invoices past their due date, and invoices marked uncollectible, less what was paid of them. Days overdue count from the oldest one’s due date.',
} as const;

export type MetricId = keyof typeof metricDefinitions;

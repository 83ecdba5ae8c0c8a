import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Answers a tenant page's support-access prompt (the first visit in a session asks why) with a ticket number. */
export async function giveSupportReason(page: Page, ticket = '4411'): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /^Why are you opening / });
  await dialog.getByRole('textbox', { name: 'Ticket number' }).fill(ticket);
  await dialog.getByRole('button', { name: 'Log access and open' }).click();
  await expect(dialog).toBeHidden();
}

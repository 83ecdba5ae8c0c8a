import { Queue, Worker } from 'bullmq';
import { startTestRedis } from '../fixtures/redis.ts';
import type { TestRedis } from '../fixtures/redis.ts';
import { secretToolLookup } from '../fixtures/secret-tool.ts';
import { expect, test } from './fixtures.ts';

const password = `pw-${crypto.randomUUID()}`;
let redis: TestRedis;
let emails: Queue;
test.beforeAll(async () => {
  redis = await startTestRedis({ requirePass: password });
  const connection = { host: '127.0.0.1', port: redis.port, password };
  emails = new Queue('emails', { connection });
  const worker = new Worker('emails', async (job) => {
    throw new Error(`SMTP 421 too many connections from 10.0.0.${job.data.n}`);
  }, { connection });
  const failed = new Promise<void>((done) => {
    let count = 0;
    worker.on('failed', () => ++count === 4 && done());
  });
  await emails.addBulk([1, 2, 3, 4].map((n) => ({ name: 'send', data: { n } })));
  await failed;
  await worker.close();
  await emails.addBulk([5, 6].map((n) => ({ name: 'send', data: { n } })));
});
test.afterAll(async () => {
  await emails.close();
  await redis.stop();
});

test('add a BullMQ (Redis) profile in Settings, test it, and watch and retry its queues', async ({ page, console: app }) => {
  await page.goto(`${app.host.url}#/settings`);
  await page.getByRole('button', { name: 'Add profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByText('BullMQ (Redis): queues only').click();
  await dialog.getByLabel('Name').fill('Acme queues');
  await dialog.getByLabel('Redis URL').fill(`redis://:${password}@127.0.0.1:${redis.port}`);
  await dialog.getByLabel('Redis password').fill(password);
  await dialog.getByRole('button', { name: 'Save' }).click();
  // A password in the URL would land in profiles.json: refused, naming the field.
  await expect(dialog.getByTestId('profile-form-error')).toContainText("field 'redisUrl'");
  await expect(dialog.getByTestId('profile-form-error')).not.toContainText(password);

  await dialog.getByLabel('Redis URL').fill(redis.url);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByTestId('profile-test-result')).toContainText('with 1 BullMQ queue: emails');
  await page.screenshot({ path: test.info().outputPath('bullmq-profile-form.png') });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('profile-acme-queues');
  await expect(row).toContainText(`${redis.url} · prefix bull · password in keychain`);
  await expect(row).toContainText('BullMQ');
  expect(secretToolLookup('acme-queues')).toBe(password);
  expect(await page.content()).not.toContain(password);

  await page.goto(`${app.host.url}#/queues`);
  const queue = page.locator('[data-testid="queue-row"][data-queue="emails"]');
  await expect(queue).toBeVisible({ timeout: 30_000 });
  await expect(queue).toContainText('4');
  await queue.getByRole('link', { name: 'emails' }).click();
  const group = page.getByTestId('failure-group').first();
  await expect(group).toContainText('SMTP 421 too many connections from <ip>');
  await group.getByTestId('retry-group').click();
  await expect(page.getByTestId('queue-action-confirm')).toContainText("Retry 4 failed jobs in emails (group 'SMTP 421 too many connections from <ip>')");
  await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot
  await page.screenshot({ path: test.info().outputPath('bullmq-retry-confirm.png') });
  await page.getByTestId('queue-action-confirm').getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => emails.getJobCounts('failed', 'waiting')).toEqual({ failed: 0, waiting: 6 });
});

// Debian's Chromium, not a downloaded browser (none can be downloaded here).
export const chromiumLaunchOptions = {
  executablePath: process.env.OPSDECK_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};

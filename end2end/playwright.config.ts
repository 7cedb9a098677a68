import { defineConfig } from '@playwright/test';

const baseURL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';

// Debian's Chromium: `npx playwright install` cannot download a browser here.
const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  workers: 2,
  retries: 0,
  reporter: 'list',
  fullyParallel: true,
  use: {
    baseURL,
    locale: 'nb-NO',
    javaScriptEnabled: true,
    launchOptions,
  },
  projects: [
    {
      name: 'phone',
      use: {
        browserName: 'chromium',
        viewport: { width: 360, height: 740 },
        javaScriptEnabled: true,
        launchOptions,
      },
    },
    {
      name: 'desktop',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        javaScriptEnabled: true,
        launchOptions,
      },
    },
  ],
});

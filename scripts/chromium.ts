// Debian's Chromium started the one way every browser test, screenshot and Lighthouse run uses:
// `npx playwright install` cannot download here, and these flags keep it off the network.

/** Where Chromium is: Debian's package, unless CHROMIUM_PATH says otherwise. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The new headless mode, named: with the old one Lighthouse sometimes lost the page load (NO_NAVSTART).
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

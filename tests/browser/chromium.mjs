// The flags every browser check starts Debian's Chromium with (headless, no
// sandbox in a container, no GPU, nothing fetched from the network but the
// pages under test).

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

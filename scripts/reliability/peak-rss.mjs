// Runs the admin CLI (argv as for electron/cli/kasane.mjs) and, as this process exits, writes its
// peak resident memory (getrusage maxrss: every thread of the process) as the last line of stderr.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
await import('../../electron/cli/kasane.mjs');

// The command line run as a user runs it, reporting its own peak memory on file descriptor 3 at exit (so
// that stdout and stderr stay exactly what the user sees).
import fs from 'node:fs';

process.on('exit', () => {
  try {
    fs.writeSync(3, `${JSON.stringify({ peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
  } catch {
    // no descriptor 3: run by hand
  }
});
await import('../../main/cli/index.js');

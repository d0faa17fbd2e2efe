// Run one contender in its own process and measure it from OUTSIDE: wall time in the
// parent, peak RSS from the OS. Two ways to get the peak RSS:
//  - 'time':  GNU `/usr/bin/time -v node …` reports the child's ru_maxrss ("Maximum resident
//             set size (kbytes)") when it exits — exact, but the `time` package is not on
//             every fresh machine (apt-get install -y time).
//  - 'proc':  spawn node directly and poll /proc/<pid>/status every 20 ms while it lives,
//             keeping the largest VmHWM (the kernel's own high-water mark, so a peak between
//             polls is still caught; only growth in the last <20 ms before exit is missed).
//             Linux only, needs nothing installed.
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const TIME = '/usr/bin/time';

/** 'time' when GNU time with -v works here, else 'proc' (Linux), else 'none'. */
export function detectRssMethod() {
  try {
    fs.accessSync(TIME, fs.constants.X_OK);
    return 'time';
  } catch {
    return fs.existsSync('/proc/self/status') ? 'proc' : 'none';
  }
}

export const RSS_METHOD_TEXT = {
  time: 'peak RSS = ru_maxrss of the contender process, from /usr/bin/time -v',
  proc: 'peak RSS = max VmHWM from /proc/<pid>/status, polled every 20 ms by the runner',
  none: 'peak RSS not measured (no /usr/bin/time, no /proc)',
};

const readKb = (text, key) => {
  const i = text.indexOf(key);
  if (i === -1) return 0;
  return parseInt(text.slice(i + key.length), 10) || 0;
};

/**
 * @returns {Promise<{ ok: boolean, code: number|null, wallMs: number, rssKb: number|null,
 *   result: object|null, stderr: string }>}
 */
export function runContender(script, file, { rss = 'time', timeoutMs = 30 * 60 * 1000 } = {}) {
  const node = process.execPath;
  const [cmd, args] = rss === 'time' ? [TIME, ['-v', node, script, file]] : [node, [script, file]];
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    let hwmKb = 0;
    const poll =
      rss === 'proc'
        ? setInterval(() => {
            try {
              const status = fs.readFileSync(`/proc/${child.pid}/status`, 'latin1');
              hwmKb = Math.max(hwmKb, readKb(status, 'VmHWM:'), readKb(status, 'VmRSS:'));
            } catch {
              /* the process just exited */
            }
          }, 20)
        : null;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let rssKb = null;
      if (rss === 'time') {
        rssKb = readKb(stderr, 'Maximum resident set size (kbytes):') || null;
        // keep only the contender's own stderr for error reports
        const i = stderr.indexOf('\tCommand being timed:');
        if (i !== -1) stderr = stderr.slice(0, i);
      } else if (rss === 'proc') {
        rssKb = hwmKb || null;
      }
      let result = null;
      const last = stdout.trim().split('\n').pop();
      try {
        result = last ? JSON.parse(last) : null;
      } catch {
        result = null;
      }
      resolve({ ok: code === 0 && result !== null, code, wallMs, rssKb, result, stderr });
    });
  });
}

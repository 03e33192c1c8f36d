// Before the tests: the browser tests drive Debian's Chromium (/usr/bin/chromium). On a fresh machine it is
// installed here (with a CJK font for readable screenshots) when missing — sessions and CI run as root.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FONT_DIR = '/usr/share/fonts/truetype/wqy';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

if (!existsSync(CHROMIUM) || !existsSync(FONT_DIR)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    console.error(`ensure-chromium: ${CHROMIUM} is missing; install it with: sudo apt-get install -y chromium fonts-wqy-microhei`);
    process.exit(1);
  }
  console.log('ensure-chromium: installing Debian chromium and fonts-wqy-microhei …');
  if (!run('apt-get', ['update']) || !run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-wqy-microhei'])) {
    console.error('ensure-chromium: apt-get could not install chromium');
    process.exit(1);
  }
}

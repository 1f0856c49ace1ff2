import { EVENTS_REGION, endMarker, SETTINGS_REGION, startMarker } from '../docs/regions';
import type { Problem, ValidationRule } from './types';

/** The README outline every destination follows (docs/destination-readme.md), in order. */
export const README_HEADINGS = [
  '## Requirements',
  '## Install',
  '## Settings',
  '## Event mapping',
  '## Consent',
  '## Not supported',
  '## Vendor documentation',
  '## Meta',
] as const;

export const readmeRule: ValidationRule = {
  title: 'README.md outline',
  check({ text }) {
    const readme = text('README.md');
    const fix = 'follow docs/destination-readme.md';
    if (readme === undefined) return [{ where: 'README.md', message: 'missing', fix }];
    const problems: Problem[] = [];
    const lines = readme.split('\n');
    if (!lines[0]?.startsWith('# '))
      problems.push({ where: 'README.md', message: 'does not start with "# <Name>"', fix });
    let last = -1;
    for (const heading of README_HEADINGS) {
      const at = lines.findIndex((line) => line.trim() === heading);
      if (at < 0) problems.push({ where: 'README.md', message: `no "${heading}" heading`, fix });
      else if (at < last)
        problems.push({
          where: 'README.md',
          message: `"${heading}" is out of order`,
          fix: `order the headings: ${README_HEADINGS.join(', ')}`,
        });
      else last = at;
    }
    for (const region of [SETTINGS_REGION, EVENTS_REGION]) {
      const start = readme.indexOf(startMarker(region));
      const end = readme.indexOf(endMarker(region));
      const under = readme.lastIndexOf('\n## ', start);
      if (start < 0 || end < start)
        problems.push({
          where: 'README.md',
          message: `no ${startMarker(region)} … ${endMarker(region)} region`,
          fix: `add both markers under "${region.heading}", then npm run docs`,
        });
      else if (!readme.slice(under + 1).startsWith(region.heading))
        problems.push({
          where: 'README.md',
          message: `the ${region.name} region is not under "${region.heading}"`,
          fix: 'move it there',
        });
    }
    return problems;
  },
};

import { svgProblems } from './svg';
import type { ValidationRule } from './types';

/** logo.svg and mark.svg: present, SVG, nothing that runs or fetches. */
export const logoRule: ValidationRule = {
  title: 'logo.svg, mark.svg',
  check({ text }) {
    return ['logo.svg', 'mark.svg'].flatMap((file) => {
      const svg = text(file);
      if (svg === undefined)
        return [
          { where: file, message: 'missing', fix: `add ${file}: your own simple mark, not the vendor's trademark` },
        ];
      return svgProblems(svg).map((problem) => ({ where: file, ...problem }));
    });
  },
};

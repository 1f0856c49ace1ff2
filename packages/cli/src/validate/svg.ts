// A strict reader for logo SVGs: catalog pages inline them, so anything that can run code or fetch from
// elsewhere is refused. It parses elements and attributes (enough to check nesting and every attribute);
// it is not a general XML parser: DOCTYPEs, entities and processing instructions other than the XML
// declaration are refused outright.

/** One problem in an SVG file, with its fix. */
export interface SvgProblem {
  message: string;
  fix: string;
}

interface Element {
  name: string;
  attributes: Map<string, string>;
}

const TOKEN = /<!--[\s\S]*?-->|<\?xml[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![\s\S]*?>|<\?[\s\S]*?\?>|<\/?[^>]*>|[^<]+/g;
const ATTRIBUTE = /([^\s=/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
const EXTERNAL_URL = /url\(\s*['"]?\s*(https?:|\/\/|data:|javascript:)/i;

function parseTag(tag: string): { element: Element; selfClosing: boolean; closing: boolean } | undefined {
  const closing = tag.startsWith('</');
  const match = /^<\/?\s*([A-Za-z_][\w:.-]*)([\s\S]*?)(\/?)>$/.exec(tag);
  if (!match) return undefined;
  const attributes = new Map<string, string>();
  const rest = match[2] ?? '';
  for (const attribute of rest.matchAll(ATTRIBUTE)) attributes.set(attribute[1]!, attribute[3] ?? attribute[4] ?? '');
  // Whatever is left after removing well-formed attributes must be whitespace (catches `onload=x` unquoted).
  if (rest.replace(ATTRIBUTE, '').trim()) return undefined;
  return { element: { name: match[1]!, attributes }, selfClosing: match[3] === '/', closing };
}

/** Every problem with an SVG file's text (empty when it is a safe, well-formed SVG). */
export function svgProblems(text: string): SvgProblem[] {
  const problems: SvgProblem[] = [];
  const stack: string[] = [];
  let root: Element | undefined;
  for (const [token] of text.matchAll(TOKEN)) {
    if (token.startsWith('<!--') || token.startsWith('<?xml')) continue;
    if (!token.startsWith('<')) {
      if (!root && token.trim())
        problems.push({ message: 'text before the <svg> element', fix: 'start the file with <svg' });
      continue;
    }
    if (token.startsWith('<!') || token.startsWith('<?')) {
      if (!token.startsWith('<![CDATA['))
        problems.push({
          message: `${token.slice(0, 20)}… is not allowed`,
          fix: 'remove DOCTYPEs, entities and processing instructions',
        });
      continue;
    }
    const parsed = parseTag(token);
    if (!parsed) {
      problems.push({
        message: `malformed tag ${token.slice(0, 40)}`,
        fix: 'quote every attribute value and close every tag',
      });
      continue;
    }
    const { element, selfClosing, closing } = parsed;
    if (closing) {
      if (stack.pop() !== element.name)
        problems.push({
          message: `</${element.name}> does not match an open element`,
          fix: 'close elements in the order they were opened',
        });
      continue;
    }
    if (!root) {
      root = element;
      if (element.name !== 'svg')
        problems.push({ message: `the root element is <${element.name}>`, fix: 'make <svg> the root element' });
    } else if (stack.length === 0)
      problems.push({ message: `<${element.name}> after the root element`, fix: 'keep everything inside <svg>' });
    if (element.name.toLowerCase() === 'script')
      problems.push({ message: '<script> is not allowed', fix: 'remove it: logos are plain shapes' });
    if (element.name.toLowerCase() === 'foreignobject')
      problems.push({ message: '<foreignObject> is not allowed', fix: 'draw with SVG shapes only' });
    for (const [name, value] of element.attributes) {
      if (/^on/i.test(name))
        problems.push({
          message: `event handler ${name}="…" on <${element.name}>`,
          fix: 'remove event handler attributes',
        });
      if (/(^|:)href$/i.test(name) && !value.trim().startsWith('#'))
        problems.push({
          message: `${name}="${value}" refers outside the file`,
          fix: 'only #fragment references are allowed; inline the shape',
        });
      if (EXTERNAL_URL.test(value))
        problems.push({ message: `${name} uses an external url(…)`, fix: 'only url(#id) references are allowed' });
    }
    if (!selfClosing) stack.push(element.name);
  }
  if (EXTERNAL_URL.test(text.replace(/<!--[\s\S]*?-->/g, '')) && !problems.some((p) => p.message.includes('url(')))
    problems.push({ message: 'a style uses an external url(…)', fix: 'only url(#id) references are allowed' });
  if (!root) return [...problems, { message: 'no <svg> element', fix: 'the file must be an SVG image' }];
  if (stack.length)
    problems.push({ message: `<${stack[stack.length - 1]}> is never closed`, fix: 'close every element' });
  if (root.attributes.get('xmlns') !== 'http://www.w3.org/2000/svg')
    problems.push({
      message: 'the <svg> element has no xmlns="http://www.w3.org/2000/svg"',
      fix: 'add the SVG namespace',
    });
  if (!/^\s*-?[\d.]+[\s,]+-?[\d.]+[\s,]+[\d.]+[\s,]+[\d.]+\s*$/.test(root.attributes.get('viewBox') ?? ''))
    problems.push({ message: 'the <svg> element has no valid viewBox', fix: 'add viewBox="0 0 <width> <height>"' });
  return problems;
}
